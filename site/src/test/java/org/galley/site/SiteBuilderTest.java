package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.PublishedPage;
import org.galley.events.RejectionReason;
import org.galley.events.Tag;
import org.galley.runtime.SiteSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {

    @TempDir
    Path out;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPublishedStoryGetsItsPageAHomeListingAndALogLine() throws Exception {
        SiteBuilder site = newSite();

        site.apply(published("a1", 1, "/ai/first-story/", "First story", Instant.parse("2026-04-21T00:00:00Z")));
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
    void theHomePageListsNewestFirst() throws Exception {
        SiteBuilder site = newSite();

        site.apply(published("old", 1, "/ai/old/", "Older story", Instant.parse("2026-01-01T00:00:00Z")));
        site.apply(published("new", 1, "/ai/new/", "Newer story", Instant.parse("2026-05-01T00:00:00Z")));
        site.flush();

        Document home = Jsoup.parse(out.resolve("index.html").toFile());
        assertThat(home.select("main li h2 a").eachText()).containsExactly("Newer story", "Older story");
    }

    @Test
    void anUnpublishRemovesThePageAndTheListing() throws Exception {
        SiteBuilder site = newSite();
        site.apply(published("a1", 1, "/ai/first-story/", "First story", Instant.parse("2026-04-21T00:00:00Z")));
        site.flush();

        site.apply(ArticlePublished.newBuilder().setArticleId("a1").setRevision(2).setAction(Action.UNPUBLISH)
                .setSlug("first-story").setPath("/ai/first-story/").setUrl("http://localhost:8080/ai/first-story/")
                .setOccurredAt(Instant.parse("2026-04-22T00:00:00Z")).setPage(null).build());
        site.flush();

        assertThat(out.resolve("ai/first-story/index.html")).doesNotExist();
        assertThat(out.resolve("ai")).doesNotExist();
        assertThat(Jsoup.parse(out.resolve("index.html").toFile()).select("main li")).isEmpty();
        assertThat(Files.readAllLines(out.resolve("published.jsonl"))).hasSize(2).last().asString().contains("UNPUBLISH");
        assertThat(site.outcome("a1")).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(Outcome.Kind.UNPUBLISHED));
    }

    @Test
    void aCorrectionWithANewPathMovesThePage() throws Exception {
        SiteBuilder site = newSite();
        site.apply(published("a1", 1, "/ai/first-story/", "First story", Instant.parse("2026-04-21T00:00:00Z")));
        site.apply(published("a1", 2, "/tech/first-story/", "First story, corrected", Instant.parse("2026-04-21T00:00:00Z")));
        site.flush();

        assertThat(out.resolve("ai/first-story/index.html")).doesNotExist();
        assertThat(Files.readString(out.resolve("tech/first-story/index.html"))).contains("corrected");
        assertThat(Jsoup.parse(out.resolve("index.html").toFile()).select("main li h2 a").eachText())
                .containsExactly("First story, corrected");
    }

    @Test
    void aRejectionIsLoggedWithEveryReason() throws Exception {
        SiteBuilder site = newSite();

        site.apply(ArticleRejected.newBuilder().setArticleId("bad").setRevision(1L).setSource("cli")
                .setRejectedAt(Instant.parse("2026-04-21T00:00:00Z"))
                .setReasons(List.of(new RejectionReason("headline", "required", "A story needs a headline."),
                        new RejectionReason("hero.url", "bad-url", "Only http(s) image URLs are allowed.")))
                .build());

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
    void theHomePageEscapesWhatStoriesSay() throws Exception {
        SiteBuilder site = newSite();

        site.apply(published("x", 1, "/ai/x/", "<script>alert(1)</script> & more", Instant.parse("2026-04-21T00:00:00Z")));
        site.flush();

        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    }

    private SiteBuilder newSite() {
        SiteBuilder site = new SiteBuilder(new SiteFolder(out), new HomePage(SiteSettings.stackDigest()));
        site.reset();
        return site;
    }

    private static ArticlePublished published(String id, long revision, String path, String headline, Instant at) {
        String slug = path.substring(path.indexOf('/', 1) + 1, path.length() - 1);
        PublishedPage page = PublishedPage.newBuilder().setHeadline(headline).setDek(null).setByline("Desk")
                .setCategory("AI").setTags(List.of(new Tag("AI", "ai"))).setExcerpt("An excerpt.").setHero(null)
                .setWordCount(420).setReadingTimeMinutes(2).setLanguage("en").setPublishedAt(at).setUpdatedAt(at)
                .setRelated(List.of()).setHtml("<!doctype html><h1>" + headline + "</h1>").setContentHash("abc").build();
        return ArticlePublished.newBuilder().setArticleId(id).setRevision(revision).setAction(Action.PUBLISH)
                .setSlug(slug).setPath(path).setUrl("http://localhost:8080" + path).setOccurredAt(at).setPage(page).build();
    }
}
