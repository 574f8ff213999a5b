package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.site.SiteBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Hostile text is kept and inert. Each of the filter-evasion vectors in {@code hostile-text.txt} (after OWASP's
 * cheat sheet) goes through the whole local stack in a story of its own: in the headline, dek, byline, tags,
 * hero alt text, caption and credit, and in the body as raw HTML (a block and inline), as a Markdown link target
 * and as an image. Every page, the home page and the feeds must then keep each field's own text around the
 * vector, and carry nothing that runs: checked by parsing, and by opening every page in headless Chromium with
 * dialogs left open and the console read (it skips when Chromium is not installed; .ci/run installs it).
 */
class HostileTextIT {

    private static final Path SAMPLES = Path.of("samples", "stories");
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(120);
    /** URL schemes that run something, after a browser's clean-up of the address (controls and spaces go). */
    private static final Pattern RUNNABLE_URL = Pattern.compile("^(javascript|vbscript|data):.*", Pattern.DOTALL);

    @TempDir
    static Path work;

    private static LocalStack stack;
    private static Path siteDir;
    private static final List<String> VECTORS = new ArrayList<>();
    /** Article id to its published line. */
    private static final Map<String, JsonNode> PUBLISHED = new LinkedHashMap<>();

    @BeforeAll
    static void submitAStoryPerVector() throws IOException, InterruptedException {
        try (InputStream in = HostileTextIT.class.getResourceAsStream("/hostile-text.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(VECTORS::add);
        }
        assertThat(VECTORS).as("the OWASP vectors").hasSizeGreaterThanOrEqualTo(50);
        siteDir = work.resolve("site");
        stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"), siteDir, Map.of());
        MediaFolder.copyInto(SAMPLES, siteDir);
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < VECTORS.size(); i++) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(stack.ingestUrl()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(story(i, VECTORS.get(i)))))
                    .build();
            HttpResponse<String> reply = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as("story %d accepted for processing: %s", i, reply.body()).isEqualTo(202);
        }
        awaitEveryStoryPublished(json);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Story {@code i}: the vector in every field a newsroom writes, each field with words of its own around it. */
    private static Map<String, Object> story(int i, String vector) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("articleId", "hostile-" + i);
        story.put("revision", 1);
        story.put("headline", "Headline " + i + " opens " + fit(vector, 200) + " headline " + i + " closes");
        story.put("dek", "Dek " + i + " opens " + vector + " dek " + i + " closes");
        story.put("byline", "Byline " + i + " " + fit(vector, 150));
        story.put("category", "Security");
        story.put("tags", List.of("Hostile text", fit(vector, 60)));
        story.put("hero", Map.of("url", stack.siteUrl().replaceAll("/$", "") + "/media/claude-at-work.svg",
                "alt", "Alt " + i + " opens " + vector + " alt " + i + " closes",
                "caption", "Caption " + i + " opens " + vector + " caption " + i + " closes",
                "credit", "Credit " + i + " " + fit(vector, 150)));
        story.put("bodyMarkdown", String.join("\n",
                "Body " + i + " opens before the block.",
                "",
                vector,
                "",
                "Body " + i + " goes on after the block.",
                "",
                "Inline " + i + " " + vector + " inline " + i + " closes.",
                "",
                "A [link " + i + "](<" + vector.replace(">", "%3E").replace("<", "%3C") + ">) and an image ![image "
                        + i + "](" + vector.replace(" ", "%20").replace(")", "%29") + ").",
                "",
                "## Heading " + i + " after everything",
                "",
                "Body " + i + " closes."));
        return story;
    }

    private static String fit(String text, int characters) {
        return text.codePointCount(0, text.length()) <= characters ? text
                : text.substring(0, text.offsetByCodePoints(0, characters));
    }

    private static void awaitEveryStoryPublished(ObjectMapper json) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PUBLISHED_WITHIN.toNanos();
        Path log = siteDir.resolve(SiteBuilder.PUBLISHED_LOG);
        while (PUBLISHED.size() < VECTORS.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode node = json.readTree(line);
                    PUBLISHED.put(node.get("articleId").asText(), node);
                }
            }
        }
        assertThat(PUBLISHED.keySet()).as("every hostile story published (rejected: %s)",
                        Files.exists(siteDir.resolve(SiteBuilder.REJECTED_LOG))
                                ? Files.readString(siteDir.resolve(SiteBuilder.REJECTED_LOG)) : "none")
                .hasSize(VECTORS.size());
        // The listings and feeds are written at most once a second.
        Thread.sleep(2_000);
    }

    @Test
    void everyPageKeepsEachFieldsOwnTextAndCarriesNothingThatRuns() throws IOException {
        for (int i = 0; i < VECTORS.size(); i++) {
            Document page = Jsoup.parse(pageFile(i).toFile(), "UTF-8");
            String text = page.text();
            String as = "story " + i + " with " + VECTORS.get(i);
            assertThat(text).as(as).contains("Headline " + i + " opens", "headline " + i + " closes",
                    "Dek " + i + " opens", "dek " + i + " closes", "Byline " + i,
                    "Caption " + i + " opens", "caption " + i + " closes", "Credit " + i,
                    "Body " + i + " opens before the block.", "Body " + i + " goes on after the block.",
                    "Inline " + i, "inline " + i + " closes.", "Heading " + i + " after everything",
                    "Body " + i + " closes.");
            assertThat(page.selectFirst("figure.hero img").attr("alt")).as(as)
                    .startsWith("Alt " + i + " opens").endsWith("alt " + i + " closes");
            assertInert(page, as);
        }
    }

    @Test
    void theHomePagesAndTheFeedsKeepEveryHeadlineAndParse() throws Exception {
        StringBuilder listed = new StringBuilder();
        List<Path> homePages = new ArrayList<>(List.of(siteDir.resolve("index.html")));
        try (var older = Files.list(siteDir.resolve("page"))) {
            older.map(page -> page.resolve("index.html")).filter(Files::exists).forEach(homePages::add);
        }
        for (Path file : homePages) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            assertInert(page, file.toString());
            listed.append(page.text()).append('\n');
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Map<String, String> feeds = Map.of(
                "RSS", xml.newDocumentBuilder().parse(siteDir.resolve("feed.xml").toFile()).getDocumentElement().getTextContent(),
                "Atom", xml.newDocumentBuilder().parse(siteDir.resolve("atom.xml").toFile()).getDocumentElement().getTextContent(),
                "JSON Feed", new ObjectMapper().readTree(siteDir.resolve("feed.json").toFile()).toString());
        for (int i = 0; i < VECTORS.size(); i++) {
            assertThat(listed).as("the home pages").contains("Headline " + i + " opens", "headline " + i + " closes");
            for (Map.Entry<String, String> feed : feeds.entrySet()) {
                // A feed holds the latest stories only; each it holds keeps its headline whole.
                if (feed.getValue().contains("Headline " + i + " opens")) {
                    assertThat(feed.getValue()).as(feed.getKey()).contains("headline " + i + " closes");
                }
            }
        }
        feeds.forEach((name, text) -> assertThat(text).as(name).contains("headline " + (VECTORS.size() - 1) + " closes"));
    }

    @Test
    void noPageRunsAnythingInARealBrowser() {
        assumeTrue(HeadlessChromium.installed(),
                ".ci/run installs chromium and chromium-driver");
        ChromeDriver browser = HeadlessChromium.start(work.resolve("chromium-profile"), true);
        try {
            List<String> pages = new ArrayList<>();
            pages.add(stack.siteUrl());
            for (int i = 0; i < VECTORS.size(); i++) {
                pages.add(PUBLISHED.get("hostile-" + i).get("url").asText());
            }
            Map<String, String> ran = new HashMap<>();
            for (String url : pages) {
                browser.get(url);
                // Scripting a page would show through a dialog (alert, confirm, prompt), which stays open.
                try {
                    ran.put(url, "dialog: " + browser.switchTo().alert().getText());
                    browser.switchTo().alert().dismiss();
                } catch (NoAlertPresentException none) {
                    // as it should be
                }
                List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                        .map(LogEntry::getMessage)
                        // A vector's relative image ("x", "/") that is not on the site is only a missing file.
                        .filter(message -> !message.contains("Failed to load resource"))
                        .toList();
                if (!errors.isEmpty()) {
                    ran.put(url, "console: " + errors);
                }
            }
            assertThat(ran).as("pages that ran something or logged an error").isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static Path pageFile(int i) {
        String url = PUBLISHED.get("hostile-" + i).get("url").asText();
        String path = URI.create(url).getPath();
        return siteDir.resolve(path.substring(1)).resolve("index.html");
    }

    /** No script but JSON-LD, no event handler, no active element, no address that runs something. */
    private static void assertInert(Document page, String as) {
        assertThat(page.select("script").stream().map(script -> script.attr("type")).toList()).as(as)
                .allMatch("application/ld+json"::equals);
        assertThat(page.select("iframe, frame, frameset, object, embed, applet, form, input, button, base, link[rel=stylesheet],"
                + " body meta, svg, math, template, details, textarea, xmp, bgsound")).as(as).isEmpty();
        assertThat(page.select("meta[http-equiv]").eachAttr("http-equiv")).as(as + ": only the page's own policy")
                .containsExactly("Content-Security-Policy");
        assertThat(page.select("style")).as(as + ": only the page's own stylesheet").hasSizeLessThanOrEqualTo(1);
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as(as + ": an event handler on <%s>", element.tagName()).doesNotStartWith("on");
                if (Set.of("href", "src", "action", "formaction", "background", "dynsrc", "lowsrc", "data", "cite",
                        "poster").contains(name)) {
                    String address = attribute.getValue().replaceAll("[\\u0000-\\u0020]", "").toLowerCase(Locale.ROOT);
                    assertThat(RUNNABLE_URL.matcher(address).matches()).as("%s: <%s %s=\"%s\">", as,
                            element.tagName(), name, attribute.getValue()).isFalse();
                }
                if (name.equals("style")) {
                    assertThat(attribute.getValue().toLowerCase(Locale.ROOT)).as(as)
                            .doesNotContain("expression", "javascript", "url(");
                }
            }
        }
    }
}
