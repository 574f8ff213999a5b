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
import java.util.List;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticleRejected;
import org.galley.events.CacheInvalidation;
import org.galley.events.RejectionReason;
import org.galley.runtime.SiteSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
        assertThat(site.outcome("a1")).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(Outcome.Kind.PUBLISHED));
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
        assertThat(site.outcome("goes")).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(Outcome.Kind.UNPUBLISHED));
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
    void anOutcomeIsReportedOnlyOnceTheListingsShowIt() {
        SiteBuilder site = newSite();

        site.apply(story("a1").published());

        assertThat(site.outcome("a1")).isEmpty();
        site.flush();
        assertThat(site.outcome("a1")).isPresent();
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
        assertThat(site.outcome("bad")).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(Outcome.Kind.REJECTED);
            assertThat(o.reasons()).containsExactly("headline: A story needs a headline.",
                    "hero.url: Only http(s) image URLs are allowed.");
        });
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

    private SiteBuilder newSite() {
        SiteBuilder site = new SiteBuilder(new SiteFolder(out), SiteSettings.stackDigest(), CLOCK);
        site.reset();
        return site;
    }

    private List<String> rssTitles(String listing) throws Exception {
        byte[] xml = Files.readAllBytes(out.resolve(listing + "feed.xml"));
        return new RssReader().read(new ByteArrayInputStream(xml)).map(Item::getTitle).map(title -> title.orElse("")).toList();
    }
}
