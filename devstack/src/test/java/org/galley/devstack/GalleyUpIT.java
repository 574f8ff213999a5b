package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.apptasticsoftware.rssreader.RssReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.testkit.NuHtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./galley up --articles DIR --out OUT --exit-when-idle}, run as the launcher runs it (free ports
 * instead of the fixed ones), on the bundled sample stories and on a folder with bad ones.
 */
class GalleyUpIT {

    private static final Path SAMPLES = Path.of("samples", "stories");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void theSampleStoriesArePublishedAndTheStackDigestPageCarriesEveryElementOfTheReference() throws IOException {
        int exit = galleyUp(SAMPLES, out);

        assertThat(exit).as("exit code").isZero();
        Map<String, JsonNode> published = latestLines(out.resolve("published.jsonl"));
        assertThat(published.keySet())
                .containsExactlyInAnyOrder("kafka-streams-newsrooms", "claude-goes-to-work", "microsoft-openai-partnership");
        JsonNode line = published.get("microsoft-openai-partnership");
        for (String field : List.of("articleId", "revision", "headline", "slug", "url", "path", "wordCount",
                "readingTimeMinutes", "tags")) {
            assertThat(line.has(field)).as("published.jsonl has " + field).isTrue();
        }
        assertThat(jsonLines(out.resolve("rejected.jsonl"))).isEmpty();

        Document page = Jsoup.parse(out.resolve(line.get("path").asText()).toFile(), "UTF-8");
        assertStackDigestPage(page);
        // The reference page says 7; Galley's documented formula (238 wpm plus 12 s per image) gives its own figure.
        assertThat(page.text()).contains(line.get("readingTimeMinutes").asInt() + " min read");
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.select("main a[href]").eachText()).contains(line.get("headline").asText());
        assertThat(out.resolve("media/ai-partnership.svg")).exists();
    }

    @Test
    void theSiteItLeavesHasAValidHomePageAndFeedsAndSitemapsListingEveryStory() throws IOException {
        int exit = galleyUp(SAMPLES, out);

        assertThat(exit).as("exit code").isZero();
        NuHtmlChecker.Report home = NuHtmlChecker.shared().check(Files.readString(out.resolve("index.html")));
        assertThat(home.errors()).as(home.describe()).isEmpty();
        List<String> urls = latestLines(out.resolve("published.jsonl")).values().stream()
                .map(line -> line.get("url").asText()).toList();
        assertThat(urls).hasSize(3);
        for (String feed : List.of("feed.xml", "atom.xml")) {
            try (var in = Files.newInputStream(out.resolve(feed))) {
                // rssreader: a feed parser that is neither Galley's nor ROME, which writes the feeds.
                assertThat(new RssReader().read(in).map(item -> item.getLink().orElse("")).toList())
                        .as(feed).containsExactlyInAnyOrderElementsOf(urls);
            }
        }
        assertThat(JSON.readTree(out.resolve("feed.json").toFile()).get("items").findValuesAsText("url"))
                .containsExactlyInAnyOrderElementsOf(urls);
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertThat(urls).allSatisfy(url -> assertThat(sitemap).contains("<loc>" + url + "</loc>"));
    }

    @Test
    void aFolderWithBadStoriesPublishesTheGoodOnesListsTheBadOnesAndExitsTwo() throws IOException {
        Path stories = Files.createDirectories(out.resolve("in"));
        Files.copy(SAMPLES.resolve("claude-goes-to-work.md"), stories.resolve("claude-goes-to-work.md"));
        Files.writeString(stories.resolve("no-headline.md"), """
                ---
                byline: Desk
                category: AI
                ---

                A body without a headline.
                """);
        Files.writeString(stories.resolve("broken-yaml.md"), """
                ---
                headline: [unclosed
                ---

                Body.
                """);
        Files.write(stories.resolve("binary-junk.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        Files.writeString(stories.resolve("empty-body.md"), """
                ---
                headline: A Story With Nothing In It
                byline: Desk
                category: AI
                ---
                """);
        Files.writeString(stories.resolve("javascript-hero.md"), """
                ---
                headline: A Hero That Runs Code
                byline: Desk
                category: AI
                hero:
                  src: "javascript:alert(document.cookie)"
                  alt: Nothing to see
                ---

                The body is fine; the image is not.
                """);
        Files.writeString(stories.resolve("too-large.md"), """
                ---
                headline: A Story Longer Than The Limit
                byline: Desk
                category: AI
                ---

                """ + "All work and no play makes a very long story. ".repeat(25_000));
        Path site = out.resolve("site");

        int exit = galleyUp(stories, site);

        assertThat(exit).as("exit code").isEqualTo(2);
        assertThat(latestLines(site.resolve("published.jsonl")).keySet()).containsExactly("claude-goes-to-work");
        List<JsonNode> rejected = jsonLines(site.resolve("rejected.jsonl"));
        assertThat(rejected).extracting(node -> node.get("articleId").asText())
                .containsExactlyInAnyOrder("no-headline", "broken-yaml", "binary-junk", "empty-body",
                        "javascript-hero", "too-large");
        assertThat(rejected).allSatisfy(node -> assertThat(node.get("reasons")).isNotEmpty());
        assertThat(reasonFields(rejected, "no-headline")).contains("headline");
        assertThat(reasonFields(rejected, "empty-body")).contains("bodyMarkdown");
        assertThat(reasonFields(rejected, "javascript-hero")).contains("hero.url");
        assertThat(reasonCodes(rejected, "too-large")).contains("too-large");
    }

    /** Every element of ../shared/reference/stack-digest-article.txt, one by one. */
    private static void assertStackDigestPage(Document page) {
        Element ticker = page.selectFirst("[class*=ticker]");
        assertThat(ticker).as("ticker").isNotNull();
        assertThat(ticker.text()).contains("LIVE").contains("Microsoft and OpenAI");
        String masthead = page.select("header").text();
        assertThat(masthead).contains("Stack Digest").contains("Independent Tech Journalism").contains("stackdigest.org");
        assertThat(page.select("a[href=/]").eachText()).anyMatch(text -> text.contains("Back to Stack Digest"));
        assertThat(page.select("[class*=category]").text()).contains("AI");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text())
                .isEqualTo("Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice");
        assertThat(page.text()).contains("The biggest AI alliance of the decade has just been rewritten.");
        assertThat(page.text()).contains("By Stack Digest").containsPattern("\\d+ min read");
        Element hero = page.selectFirst("figure img");
        assertThat(hero).as("hero image").isNotNull();
        assertThat(hero.attr("alt")).isEqualTo("Two laptops and cloud infrastructure screens representing a tech partnership shifting");
        assertThat(hero.attr("src")).endsWith("/media/ai-partnership.svg");
        String caption = page.selectFirst("figure figcaption").text();
        assertThat(caption).contains("The modern AI stack is starting to look less like a marriage").contains("Photo: Unsplash");
        assertThat(page.select("article h2, main h2").eachText()).containsSubsequence(
                "The End of Exclusivity Changes the Mood", "Why Both Companies Wanted This",
                "The Money Is Telling the Truth", "What This Means for the AI Market", "So Are They Going Separate Ways");
        String footer = page.select("footer").text();
        assertThat(footer).contains("Back to Homepage").contains("Read the Claude Story");
        assertThat(page.select("footer a").eachAttr("href")).contains("/");
        assertThat(page.select("footer a:contains(Claude)").attr("href")).startsWith("/ai/claude-goes-to-work");
    }

    private static List<String> reasonFields(List<JsonNode> rejected, String articleId) {
        return reasonsOf(rejected, articleId).findValuesAsText("field");
    }

    private static List<String> reasonCodes(List<JsonNode> rejected, String articleId) {
        return reasonsOf(rejected, articleId).findValuesAsText("code");
    }

    private static JsonNode reasonsOf(List<JsonNode> rejected, String articleId) {
        return rejected.stream().filter(node -> node.get("articleId").asText().equals(articleId))
                .findFirst().orElseThrow(() -> new AssertionError("no rejection of " + articleId)).get("reasons");
    }

    private static int galleyUp(Path articles, Path out) {
        return new CommandLine(new GalleyCli()).execute("up",
                "--articles", articles.toString(), "--out", out.toString(), "--exit-when-idle",
                "--kafka-port", "0", "--registry-port", "0", "--ingest-port", "0", "--site-port", "0", "--ops-port", "0");
    }

    /**
     * Each story's last line in a log of published events. A story is published again when enrich re-enriches
     * it (an earlier-dated story arrived after it), so the log may name it more than once.
     */
    private static Map<String, JsonNode> latestLines(Path file) throws IOException {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        jsonLines(file).forEach(line -> latest.put(line.get("articleId").asText(), line));
        return latest;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(text -> !text.isBlank())
                .map(GalleyUpIT::parse)
                .toList();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
