package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.CacheInvalidation;
import org.galley.events.RejectionReason;
import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.Sitemap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-22T10:00:00Z"), ZoneOffset.UTC);
    private static final List<String> LISTINGS = List.of("", "ai/", "tags/openai/", "tags/microsoft/");

    @TempDir
    Path out;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPublishedStoryGetsItsPageAHomeListingAndALogLine() throws Exception {
        SiteBuilder site = newSite();

        site.apply(story("a1").path("/ai/first-story/").headline("First story").published());
        site.flush();

        assertThat(Files.readString(out.resolve("ai/first-story/index.html"))).contains("<h1>First story</h1>");
        Document home = Jsoup.parse(out.resolve("index.html").toFile());
        assertThat(home.select("main li h2 a").eachText()).containsExactly("First story");
        assertThat(home.select("main li h2 a").attr("href")).isEqualTo("/ai/first-story/");
        JsonNode line = json.readTree(Files.readAllLines(out.resolve("published.jsonl")).get(0));
        assertThat(line.get("articleId").asText()).isEqualTo("a1");
        assertThat(line.get("path").asText()).isEqualTo("ai/first-story/index.html");
        assertThat(line.get("slug").asText()).isEqualTo("first-story");
        assertThat(line.get("wordCount").asInt()).isEqualTo(420);
        assertThat(line.get("readingTimeMinutes").asInt()).isEqualTo(2);
        assertThat(line.get("tags").get(0).asText()).isEqualTo("AI");
    }

    @Test
    void aStoryIsListedOnHomeItsSectionPageAndEachTagPageEachWithItsFeeds() throws Exception {
        SiteBuilder site = newSite();

        site.apply(story("a1").path("/ai/first-story/").headline("First story").category("AI")
                .tags("OpenAI:openai", "Microsoft:microsoft").published());
        site.flush();

        for (String listing : LISTINGS) {
            Document page = Jsoup.parse(out.resolve(listing + "index.html").toFile());
            assertThat(page.select("main li h2 a").eachText()).as(listing).containsExactly("First story");
            assertThat(page.select("header.masthead").text()).contains("Stack Digest", "Independent Tech Journalism", "stackdigest.org");
            assertThat(page.select("link[rel=alternate]").eachAttr("href"))
                    .containsExactly("/" + listing + "feed.xml", "/" + listing + "atom.xml", "/" + listing + "feed.json");
            assertThat(rssTitles(listing)).as(listing).containsExactly("First story");
            assertThat(Files.readString(out.resolve(listing + "atom.xml"))).contains("First story");
            assertThat(json.readTree(out.resolve(listing + "feed.json").toFile()).get("items")).hasSize(1);
        }
        assertThat(Jsoup.parse(out.resolve("ai/index.html").toFile()).select("h1").text()).isEqualTo("AI");
        assertThat(Jsoup.parse(out.resolve("tags/openai/index.html").toFile()).select("h1").text()).isEqualTo("OpenAI");
        assertThat(Jsoup.parse(out.resolve("index.html").toFile()).select("main li .tags a").eachAttr("href"))
                .containsExactly("/tags/openai/", "/tags/microsoft/");
        assertThat(Files.readString(out.resolve("sitemap.xml"))).contains("/ai/first-story/", "/ai/</loc>", "/tags/openai/</loc>");
    }

    @Test
    void theSiteIconEveryPageNamesIsWrittenAtTheRootInTheAccentColour() throws Exception {
        newSite().flush();

        String icon = Files.readString(out.resolve("favicon.svg"));
        assertThat(icon).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("fill=\"#c8102e\"", ">S</text>");
        assertThat(Jsoup.parse(out.resolve("index.html").toFile()).select("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
    }

    @Test
    void theListingsAreNewestFirst() throws Exception {
        SiteBuilder site = newSite();

        site.apply(story("old").headline("Older story").publishedAt("2026-01-01T00:00:00Z").published());
        site.apply(story("new").headline("Newer story").publishedAt("2026-05-01T00:00:00Z").published());
        site.flush();

        for (String listing : List.of("", "ai/", "tags/ai/")) {
            assertThat(Jsoup.parse(out.resolve(listing + "index.html").toFile()).select("main li h2 a").eachText())
                    .containsExactly("Newer story", "Older story");
            assertThat(rssTitles(listing)).containsExactly("Newer story", "Older story");
        }
    }

    @Test
    void anUnpublishedStoryIsGoneFromItsPageEveryListingEveryFeedAndBothSitemaps() throws Exception {
        SiteBuilder site = newSite();
        site.apply(story("stays").path("/ai/stays/").headline("The story that stays").tags("OpenAI:openai").published());
        site.apply(story("goes").path("/ai/goes/").headline("The story that goes")
                .tags("OpenAI:openai", "Microsoft:microsoft").publishedAt("2026-04-22T08:00:00Z").published());
        site.flush();
        assertThat(Files.readString(out.resolve("news-sitemap.xml"))).contains("/ai/goes/");

        site.apply(story("goes").path("/ai/goes/").revision(2).unpublished("2026-04-22T09:00:00Z"));
        site.flush();

        assertThat(out.resolve("ai/goes")).doesNotExist();
        for (String listing : List.of("", "ai/", "tags/openai/")) {
            assertThat(Jsoup.parse(out.resolve(listing + "index.html").toFile()).select("main li h2 a").eachText())
                    .as(listing).containsExactly("The story that stays");
            assertThat(rssTitles(listing)).as(listing + "feed.xml").containsExactly("The story that stays");
            assertThat(Files.readString(out.resolve(listing + "atom.xml"))).as(listing + "atom.xml")
                    .contains("The story that stays").doesNotContain("The story that goes", "/ai/goes/");
            assertThat(Files.readString(out.resolve(listing + "feed.json"))).as(listing + "feed.json")
                    .contains("The story that stays").doesNotContain("The story that goes", "/ai/goes/");
        }
        assertThat(out.resolve("tags/microsoft")).as("a tag left with no story").doesNotExist();
        assertThat(Files.readString(out.resolve("sitemap.xml"))).contains("/ai/stays/").doesNotContain("/ai/goes/", "/tags/microsoft/");
        assertThat(Files.readString(out.resolve("news-sitemap.xml"))).doesNotContain("/ai/goes/");
        assertThat(Files.readAllLines(out.resolve("published.jsonl"))).hasSize(3).last().asString().contains("UNPUBLISH");
    }

    @Test
    void unpublishingTheLastStoryLeavesAnEmptyHomeAndNoSectionOrTagFolders() throws Exception {
        SiteBuilder site = newSite();
        site.apply(story("a1").path("/ai/first-story/").published());
        site.flush();

        site.apply(story("a1").path("/ai/first-story/").revision(2).unpublished("2026-04-22T00:00:00Z"));
        site.flush();

        assertThat(out.resolve("ai")).doesNotExist();
        assertThat(out.resolve("tags")).doesNotExist();
        Document home = Jsoup.parse(out.resolve("index.html").toFile());
        assertThat(home.select("main li")).isEmpty();
        assertThat(home.select("main").text()).contains("Nothing published yet.");
        assertThat(rssTitles("")).isEmpty();
        assertThat(Files.readString(out.resolve("atom.xml"))).contains("<updated>2026-04-22T00:00:00Z</updated>");
    }

    @Test
    void aStoryPublishedAndUnpublishedInOneBatchLeavesNoTrace() throws Exception {
        SiteBuilder site = newSite();

        site.apply(story("a1").path("/ai/brief/").tags("OpenAI:openai").published());
        site.apply(story("a1").path("/ai/brief/").revision(2).unpublished("2026-04-21T10:00:00Z"));
        site.flush();

        assertThat(out.resolve("ai")).doesNotExist();
        assertThat(out.resolve("tags")).doesNotExist();
        assertThat(Files.readString(out.resolve("sitemap.xml"))).doesNotContain("/ai/");
        assertThat(rssTitles("")).isEmpty();
    }

    @Test
    void aCorrectionThatMovesTheStoryTakesItOutOfTheSectionAndTagsItLeft() throws Exception {
        SiteBuilder site = newSite();
        site.apply(story("a1").path("/ai/first-story/").headline("First story").tags("OpenAI:openai").published());
        site.flush();

        site.apply(story("a1").revision(2).path("/tech/first-story/").category("Tech").headline("First story, corrected")
                .tags("Chips:chips").updatedAt("2026-04-21T12:00:00Z").published());
        site.flush();

        assertThat(out.resolve("ai")).doesNotExist();
        assertThat(out.resolve("tags/openai")).doesNotExist();
        assertThat(Files.readString(out.resolve("tech/first-story/index.html"))).contains("corrected");
        for (String listing : List.of("", "tech/", "tags/chips/")) {
            assertThat(Jsoup.parse(out.resolve(listing + "index.html").toFile()).select("main li h2 a").eachText())
                    .containsExactly("First story, corrected");
            assertThat(rssTitles(listing)).containsExactly("First story, corrected");
        }
    }

    @Test
    void eachAppliedEventSaysWhatACdnMustPurge() {
        SiteBuilder site = newSite();

        CacheInvalidation published = site.apply(story("a1").path("/ai/first-story/").tags("OpenAI:openai").published());
        CacheInvalidation unpublished = site.apply(story("a1").path("/ai/first-story/").revision(2)
                .unpublished("2026-04-22T00:00:00Z"));

        assertThat(published.getArticleId()).isEqualTo("a1");
        assertThat(published.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(published.getOccurredAt()).isEqualTo(Instant.parse("2026-04-21T09:00:00Z"));
        assertThat(published.getPaths()).contains("/ai/first-story/", "/", "/feed.xml", "/ai/", "/tags/openai/", "/sitemap.xml");
        assertThat(unpublished.getRevision()).isEqualTo(2);
        assertThat(unpublished.getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(unpublished.getPaths()).contains("/ai/first-story/", "/", "/ai/", "/tags/openai/feed.json");
    }

    @Test
    void anEventNamingTheSiteRootIsRefusedAndChangesNothing() throws Exception {
        SiteBuilder site = newSite();
        site.flush();
        String home = Files.readString(out.resolve("index.html"));

        assertThatThrownBy(() -> site.apply(story("evil").path("/").published()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/'");
        site.flush();

        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(home);
        assertThat(Files.readString(out.resolve("published.jsonl"))).isEmpty();
    }

    @Test
    void aRejectionIsLoggedWithEveryReason() throws Exception {
        SiteBuilder site = newSite();

        site.apply(ArticleRejected.newBuilder().setArticleId("bad").setRevision(1L).setSource("cli")
                .setRejectedAt(Instant.parse("2026-04-21T00:00:00Z"))
                .setReasons(List.of(new RejectionReason("headline", "required", "A story needs a headline."),
                        new RejectionReason("hero.url", "bad-url", "Only http(s) image URLs are allowed.")))
                .build());
        site.flush();

        JsonNode line = json.readTree(Files.readAllLines(out.resolve("rejected.jsonl")).get(0));
        assertThat(line.get("articleId").asText()).isEqualTo("bad");
        assertThat(line.get("reasons")).hasSize(2);
        assertThat(line.get("reasons").get(1).get("code").asText()).isEqualTo("bad-url");
    }

    @Test
    void theListingsEscapeWhatStoriesSay() throws Exception {
        SiteBuilder site = newSite();

        site.apply(story("x").headline("<script>alert(1)</script> & more").tags("<b>Bold</b>:bold").published());
        site.flush();

        for (String listing : List.of("", "ai/", "tags/bold/")) {
            String html = Files.readString(out.resolve(listing + "index.html"));
            assertThat(html).doesNotContain("<script>alert(1)</script>", "<b>Bold</b>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        }
    }

    @Test
    void aListingLongerThanAPageShowsTheNewestFirstAndFullArchivePagesCountedFromTheOldest() throws Exception {
        SiteBuilder site = newSite(2, Sitemap.MAX_URLS);

        for (int day = 1; day <= 5; day++) {
            site.apply(story("s" + day).tags("OpenAI:openai").publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        site.flush();

        for (String listing : List.of("", "ai/", "tags/openai/")) {
            assertThat(headlines(listing + "index.html")).as(listing).containsExactly("Story s5", "Story s4");
            assertThat(headlines(listing + "page/1/index.html")).as(listing).containsExactly("Story s2", "Story s1");
            assertThat(headlines(listing + "page/2/index.html")).as(listing).containsExactly("Story s4", "Story s3");
            assertThat(out.resolve(listing + "page/3")).as(listing).doesNotExist();
            Document own = Jsoup.parse(out.resolve(listing + "index.html").toFile());
            assertThat(own.select("nav[aria-label=Pages] a[rel=next]").attr("href")).isEqualTo("/" + listing + "page/2/");
            Document newest = Jsoup.parse(out.resolve(listing + "page/2/index.html").toFile());
            assertThat(newest.select("nav[aria-label=Pages] a[rel=prev]").attr("href")).isEqualTo("/" + listing);
            assertThat(newest.select("nav[aria-label=Pages] a[rel=next]").attr("href")).isEqualTo("/" + listing + "page/1/");
            assertThat(newest.select("nav[aria-label=Pages] .page-number").text()).isEqualTo("Page 2 · 3–4 April 2026");
            Document oldest = Jsoup.parse(out.resolve(listing + "page/1/index.html").toFile());
            assertThat(oldest.select("nav[aria-label=Pages] a[rel=prev]").attr("href")).isEqualTo("/" + listing + "page/2/");
            assertThat(oldest.select("a[rel=next]")).isEmpty();
            assertThat(rssTitles(listing)).as("feeds are not paginated").hasSize(5);
        }
    }

    @Test
    void aNewStoryWritesTheListingsOwnPageAndAnArchivePageOnlyWhenItStartsANewOne() {
        CountingFiles files = new CountingFiles(out);
        SiteBuilder site = newSite(files, 2, Sitemap.MAX_URLS);
        for (int day = 1; day <= 6; day++) {
            site.apply(story("s" + day).publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        site.flush();
        files.takeWrites();

        site.apply(story("s7").publishedAt("2026-04-07T00:00:00Z").published());
        Map<String, List<String>> alsoWritten = site.flush();

        assertThat(files.takeWrites().keySet()).as("s5 and s6 fill page 3; page 2's newer link leads to it")
                .filteredOn(file -> file.contains("index.html"))
                .containsExactlyInAnyOrder("ai/s7/index.html", "index.html", "page/2/index.html", "page/3/index.html",
                        "ai/index.html", "ai/page/2/index.html", "ai/page/3/index.html",
                        "tags/ai/index.html", "tags/ai/page/2/index.html", "tags/ai/page/3/index.html");
        assertThat(alsoWritten).containsEntry("/", List.of("/page/2/", "/page/3/"))
                .containsEntry("/ai/", List.of("/ai/page/2/", "/ai/page/3/"))
                .containsEntry("/tags/ai/", List.of("/tags/ai/page/2/", "/tags/ai/page/3/"));

        site.apply(story("s8").publishedAt("2026-04-08T00:00:00Z").published());
        alsoWritten = site.flush();

        assertThat(files.takeWrites().keySet()).as("the archive pages stay as they are")
                .filteredOn(file -> file.contains("index.html"))
                .containsExactlyInAnyOrder("ai/s8/index.html", "index.html", "ai/index.html", "tags/ai/index.html");
        assertThat(alsoWritten).doesNotContainKeys("/", "/ai/", "/tags/ai/");
    }

    @Test
    void everyLiveStoryIsReachableFromHomeItsSectionAndItsTagsPageByPage() throws Exception {
        SiteBuilder site = newSite(3, Sitemap.MAX_URLS);
        for (int i = 0; i < 10; i++) {
            site.apply(story("s" + i).path((i % 2 == 0 ? "/ai/" : "/tech/") + "s" + i + "/").tags("Tag " + (i % 3) + ":t" + (i % 3))
                    .publishedAt("2026-04-01T00:00:00Z").published());
        }
        site.flush();

        for (int i = 0; i < 10; i++) {
            String path = (i % 2 == 0 ? "/ai/" : "/tech/") + "s" + i + "/";
            for (String listing : List.of("", i % 2 == 0 ? "ai/" : "tech/", "tags/t" + (i % 3) + "/")) {
                assertThat(linksFollowingOlderPages(listing)).as(listing).contains(path);
            }
        }
    }

    @Test
    void pagesAListingNoLongerHasAreDeleted() throws Exception {
        SiteBuilder site = newSite(2, Sitemap.MAX_URLS);
        for (int day = 1; day <= 5; day++) {
            site.apply(story("s" + day).publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        site.flush();
        assertThat(out.resolve("ai/page/2/index.html")).exists();

        site.apply(story("s5").unpublished("2026-04-22T00:00:00Z"));
        site.apply(story("s4").unpublished("2026-04-22T00:00:00Z"));
        Map<String, List<String>> alsoWritten = site.flush();

        assertThat(out.resolve("ai/page/2")).doesNotExist();
        assertThat(out.resolve("page/2")).doesNotExist();
        assertThat(alsoWritten.get("/ai/")).as("purged").contains("/ai/page/2/");
        assertThat(headlines("ai/index.html")).containsExactly("Story s3", "Story s2");
        assertThat(headlines("ai/page/1/index.html")).containsExactly("Story s2", "Story s1");
        assertThat(Jsoup.parse(out.resolve("ai/page/1/index.html").toFile()).select("a[rel=prev]").attr("href"))
                .isEqualTo("/ai/");

        site.apply(story("s3").unpublished("2026-04-22T00:00:00Z"));
        site.flush();

        assertThat(out.resolve("ai/page")).doesNotExist();
        assertThat(out.resolve("page")).doesNotExist();
        assertThat(Jsoup.parse(out.resolve("ai/index.html").toFile()).select("nav[aria-label=Pages]")).isEmpty();
    }

    @Test
    void aFlushWritesOnlyTheFilesWhoseBytesChanged() throws Exception {
        CountingFiles files = new CountingFiles(out);
        SiteBuilder site = newSite(files, 2, Sitemap.MAX_URLS);
        for (int day = 1; day <= 6; day++) {
            site.apply(story("s" + day).tags("OpenAI:openai").publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        site.flush();
        files.takeWrites();

        site.apply(story("s1").revision(2).headline("The oldest story, corrected").tags("OpenAI:openai")
                .publishedAt("2026-04-01T00:00:00Z").published());
        site.flush();

        assertThat(files.takeWrites()).as("its page, the oldest archive page of each listing, their feeds; not the sitemaps")
                .containsOnlyKeys("ai/s1/index.html", "page/1/index.html", "ai/page/1/index.html",
                        "tags/openai/page/1/index.html", "feed.xml", "atom.xml", "feed.json", "ai/feed.xml", "ai/atom.xml",
                        "ai/feed.json", "tags/openai/feed.xml", "tags/openai/atom.xml", "tags/openai/feed.json");

        site.apply(reEnriched(story("s6").tags("OpenAI:openai").publishedAt("2026-04-06T00:00:00Z").published()));
        site.flush();

        assertThat(files.takeWrites()).as("only its page changed").containsOnlyKeys("ai/s6/index.html");

        site.flush();
        assertThat(files.takeWrites()).as("nothing changed").isEmpty();
    }

    @Test
    void pastTheLimitTheSitemapIsAnIndexOfPartsThatTogetherListEveryPageOnce() throws Exception {
        SiteBuilder site = newSite(2, 4);
        for (int day = 1; day <= 5; day++) {
            site.apply(story("s" + day).publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        site.flush();

        Map<String, String> parts = sitemapIndex();
        assertThat(parts.keySet()).containsExactly("http://localhost:8080/sitemap-1.xml", "http://localhost:8080/sitemap-2.xml",
                "http://localhost:8080/sitemap-3.xml", "http://localhost:8080/sitemap-4.xml", "http://localhost:8080/sitemap-5.xml");
        assertThat(sitemapUrls("sitemap-1.xml")).as("stories, oldest first").containsExactly("http://localhost:8080/ai/s1/",
                "http://localhost:8080/ai/s2/", "http://localhost:8080/ai/s3/", "http://localhost:8080/ai/s4/");
        assertThat(sitemapUrls("sitemap-2.xml")).containsExactly("http://localhost:8080/ai/s5/");
        assertThat(parts.get("http://localhost:8080/sitemap-2.xml")).isEqualTo("2026-04-05T00:00:00Z");
        List<String> all = new ArrayList<>();
        for (int part = 1; part <= 5; part++) {
            List<String> urls = sitemapUrls("sitemap-" + part + ".xml");
            assertThat(urls).hasSizeBetween(1, 4);
            all.addAll(urls);
        }
        List<String> listingPages = new ArrayList<>();
        for (String listing : List.of("/", "/ai/", "/tags/ai/")) {
            listingPages.addAll(List.of(listing, listing + "page/1/", listing + "page/2/"));
        }
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Stream.concat(
                Stream.of(1, 2, 3, 4, 5).map(day -> "/ai/s" + day + "/"), listingPages.stream())
                .map(path -> "http://localhost:8080" + path).toList());

        for (int day = 2; day <= 5; day++) {
            site.apply(story("s" + day).unpublished("2026-04-22T00:00:00Z"));
        }
        site.flush();

        assertThat(sitemapUrls("sitemap.xml")).as("back under the limit: one file").containsExactly(
                "http://localhost:8080/ai/s1/", "http://localhost:8080/", "http://localhost:8080/ai/",
                "http://localhost:8080/tags/ai/");
        assertThat(out.resolve("sitemap-1.xml")).doesNotExist();
        assertThat(out.resolve("sitemap-5.xml")).doesNotExist();
    }

    @Test
    void aNewStoryRewritesOnlyTheLastStoryPartOfASplitSitemap() {
        CountingFiles files = new CountingFiles(out);
        SiteBuilder site = newSite(files, 100, 3);
        for (int day = 1; day <= 7; day++) {
            site.apply(story("s" + day).publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        site.flush();
        files.takeWrites();

        site.apply(story("s8").publishedAt("2026-04-08T00:00:00Z").published());
        site.flush();

        assertThat(files.takeWrites()).containsKeys("sitemap-3.xml", "sitemap.xml")
                .doesNotContainKeys("sitemap-1.xml", "sitemap-2.xml");
    }

    @Test
    void aFeedIsDatedByItsStoriesNotByWhenTheirEventsWereMade() throws Exception {
        SiteBuilder site = newSite();
        ArticlePublished event = story("a1").tags("OpenAI:openai").updatedAt("2026-04-21T10:00:00Z").published();
        event.setOccurredAt(Instant.parse("2026-04-25T17:03:12Z"));

        site.apply(event);
        site.flush();

        for (String listing : List.of("", "ai/", "tags/openai/")) {
            assertThat(Files.readString(out.resolve(listing + "atom.xml"))).as(listing)
                    .contains("<updated>2026-04-21T10:00:00Z</updated>").doesNotContain("2026-04-25");
        }
    }

    @Test
    void aListingACorrectionTookTheStoryOutOfLastChangedAtTheCorrection() throws Exception {
        SiteBuilder site = newSite();
        site.apply(story("stays").tags("OpenAI:openai").publishedAt("2026-04-20T09:00:00Z").published());
        site.apply(story("moves").tags("OpenAI:openai").published());
        ArticlePublished correction = story("moves").revision(2).tags("Chips:chips").updatedAt("2026-04-21T15:00:00Z").published();
        correction.setOccurredAt(Instant.parse("2026-04-25T17:03:12Z"));

        site.apply(correction);
        site.flush();

        assertThat(Files.readString(out.resolve("tags/openai/atom.xml"))).contains("<updated>2026-04-21T15:00:00Z</updated>");
    }

    @Test
    void aRestartRemovesThePagesAndSitemapPartsAnEarlierRunLeftThatTheSiteNoLongerHas() throws Exception {
        SiteBuilder before = newSite(2, 4);
        for (int day = 1; day <= 5; day++) {
            before.apply(story("s" + day).tags("OpenAI:openai").publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        before.flush();
        assertThat(out.resolve("tags/openai/page/2/index.html")).exists();
        assertThat(out.resolve("sitemap-5.xml")).exists();

        SiteBuilder restarted = newSite(2, 4);
        for (int day = 1; day <= 5; day++) {
            restarted.apply(story("s" + day).tags("OpenAI:openai").publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }
        for (int day = 2; day <= 5; day++) {
            restarted.apply(story("s" + day).revision(2).unpublished("2026-04-22T00:00:00Z"));
        }
        restarted.apply(story("s1").revision(2).tags("Chips:chips").publishedAt("2026-04-01T00:00:00Z").published());
        restarted.flush();

        assertThat(out.resolve("page")).doesNotExist();
        assertThat(out.resolve("ai/page")).doesNotExist();
        assertThat(out.resolve("tags/openai")).as("a tag this run emptied").doesNotExist();
        assertThat(out.resolve("sitemap-1.xml")).doesNotExist();
        assertThat(out.resolve("sitemap-5.xml")).doesNotExist();
        assertThat(sitemapUrls("sitemap.xml")).contains("http://localhost:8080/tags/chips/");
    }

    @Test
    void aFirstFlushRemovesTheLastPageOfTheOldLayoutWhosePagesWereNumberedFromTheNewestStartingAtTwo() throws Exception {
        for (String page : List.of("page/2/index.html", "page/3/index.html", "ai/page/2/index.html")) {
            Files.createDirectories(out.resolve(page).getParent());
            Files.writeString(out.resolve(page), "<p>old layout</p>");
        }
        SiteBuilder site = newSite(2, Sitemap.MAX_URLS);
        for (int day = 1; day <= 5; day++) {
            site.apply(story("s" + day).path(day == 1 ? "/ai/s1/" : "/tech/s" + day + "/").category(day == 1 ? "AI" : "Tech")
                    .publishedAt("2026-04-0" + day + "T00:00:00Z").published());
        }

        site.flush();

        assertThat(headlines("page/2/index.html")).as("rewritten").containsExactly("Story s4", "Story s3");
        assertThat(out.resolve("page/3")).doesNotExist();
        assertThat(out.resolve("ai/page")).as("one story: no archive page 1, and the search goes on to 2").doesNotExist();
    }

    @Test
    void aStoryWhosePathIsOneOfAListingsPagesIsRefused() {
        SiteBuilder site = newSite();

        for (String path : List.of("/page/1/", "/page/2/", "/ai/page/3/", "/tags/openai/page/2/")) {
            assertThatThrownBy(() -> site.apply(story("clash").path(path).published()))
                    .as(path).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(path);
        }
        site.apply(story("fine").path("/ai/page/").published());
        assertThat(out.resolve("ai/page/index.html")).exists();
    }

    private static ArticlePublished reEnriched(ArticlePublished event) {
        event.getPage().setHtml(event.getPage().getHtml().replace("</h1>", "</h1><aside>Related: a later story</aside>"));
        return event;
    }

    private List<String> headlines(String file) throws Exception {
        return Jsoup.parse(out.resolve(file).toFile()).select("main li h2 a").eachText();
    }

    /** The story links of a listing's first page and every page its "older" links lead to. */
    private List<String> linksFollowingOlderPages(String listing) throws Exception {
        List<String> links = new ArrayList<>();
        String page = "/" + listing;
        while (!page.isEmpty()) {
            Document document = Jsoup.parse(out.resolve(SitePaths.fileOf(page)).toFile());
            links.addAll(document.select("main li h2 a").eachAttr("href"));
            page = document.select("nav[aria-label=Pages] a[rel=next]").attr("href");
        }
        return links;
    }

    private List<String> sitemapUrls(String file) throws Exception {
        org.jsoup.nodes.Document xml = Jsoup.parse(Files.readString(out.resolve(file)), "", Parser.xmlParser());
        assertThat(xml.child(0).tagName()).isEqualTo("urlset");
        assertThat(xml.child(0).attr("xmlns")).isEqualTo(Sitemap.NAMESPACE);
        return xml.select("urlset > url > loc").eachText();
    }

    /** loc -> lastmod of each part the sitemap index names. */
    private Map<String, String> sitemapIndex() throws Exception {
        org.jsoup.nodes.Document xml = Jsoup.parse(Files.readString(out.resolve("sitemap.xml")), "", Parser.xmlParser());
        assertThat(xml.child(0).tagName()).isEqualTo("sitemapindex");
        assertThat(xml.child(0).attr("xmlns")).isEqualTo(Sitemap.NAMESPACE);
        Map<String, String> parts = new LinkedHashMap<>();
        xml.select("sitemapindex > sitemap").forEach(part -> parts.put(part.selectFirst("loc").text(),
                part.selectFirst("lastmod").text()));
        return parts;
    }

    private SiteBuilder newSite() {
        return newSite(SiteBuilder.PAGE_SIZE, Sitemap.MAX_URLS);
    }

    private SiteBuilder newSite(int pageSize, int sitemapLimit) {
        return newSite(new SiteFolder(out), pageSize, sitemapLimit);
    }

    private SiteBuilder newSite(SiteFiles files, int pageSize, int sitemapLimit) {
        SiteBuilder site = new SiteBuilder(files, SiteSettings.stackDigest(), CLOCK, pageSize, sitemapLimit);
        site.reset();
        return site;
    }

    private List<String> rssTitles(String listing) throws Exception {
        byte[] xml = Files.readAllBytes(out.resolve(listing + "feed.xml"));
        return new RssReader().read(new ByteArrayInputStream(xml)).map(Item::getTitle).map(title -> title.orElse("")).toList();
    }
}
