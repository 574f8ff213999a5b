package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.site.SiteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a reader sees, in a real browser: the sample stories go through the whole local stack, and the Stack
 * Digest story's page and the home page are opened in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which .ci/run installs). Every page must load without a single console error, a
 * Content-Security-Policy violation included. Screenshots at desktop and phone widths go to
 * {@code devstack/target/screenshots/}.
 */
class BrowserIT {

    private static final Path SAMPLES = Path.of("samples", "stories");
    private static final Path SCREENSHOTS = Path.of("devstack", "target", "screenshots");
    private static final String STACK_DIGEST_STORY = "microsoft-openai-partnership";
    private static final String CLAUDE_STORY = "claude-goes-to-work";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path work;

    private static LocalStack stack;
    private static PublishReport report;
    private static Path siteDir;
    private static ChromeDriver browser;

    @BeforeAll
    static void publishTheSampleStoriesAndOpenABrowser() throws InterruptedException {
        assumeTrue(HeadlessChromium.installed(),
                ".ci/run installs chromium and chromium-driver");
        siteDir = work.resolve("site");
        stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"), siteDir, Map.of());
        MediaFolder.copyInto(SAMPLES, siteDir);
        Duration storyTimeout = Duration.ofSeconds(60);
        report = new StoryPublisher(stack, System.out, new PlainLines(System.out, storyTimeout),
                new InFlightWindow.Limits(256, storyTimeout), StoryFolder.OLDEST_FIRST).publishFolder(SAMPLES);
        assertThat(report.entries()).as("every sample story published").allMatch(PublishReport.Entry::published);
        browser = HeadlessChromium.start(work.resolve("chromium-profile"), false);
    }

    @AfterAll
    static void closeEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void theConsoleShowedNoErrors() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        severe.forEach(entry -> System.out.println("Browser console: " + entry));
        assertThat(severe).as("console errors").isEmpty();
    }

    @Test
    void theStackDigestPageShowsTheHeadlineHeroCaptionBylineAndReadingTime() throws IOException {
        JsonNode story = publishedLine(STACK_DIGEST_STORY);
        browser.get(urlOf(STACK_DIGEST_STORY));

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice")
                .isEqualTo(story.get("headline").asText());
        WebElement hero = browser.findElement(By.cssSelector("figure.hero img"));
        assertThat(hero.isDisplayed()).as("hero shown").isTrue();
        assertThat((Boolean) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", hero))
                .as("hero image %s loaded", hero.getDomAttribute("src")).isTrue();
        WebElement caption = browser.findElement(By.cssSelector("figure.hero figcaption .caption"));
        assertThat(caption.isDisplayed()).isTrue();
        assertThat(caption.getText()).isEqualTo("The modern AI stack is starting to look less like a marriage and more"
                + " like a series of negotiated power sharing agreements.");
        WebElement credit = browser.findElement(By.cssSelector("figure.hero figcaption .credit"));
        assertThat(credit.isDisplayed()).isTrue();
        // Shown in small capitals by the stylesheet.
        assertThat(credit.getText()).isEqualToIgnoringCase("Photo: Unsplash");
        assertThat(browser.findElement(By.cssSelector(".byline .author")).getText()).isEqualTo("Stack Digest");
        assertThat(browser.findElement(By.cssSelector(".byline .reading-time")).getText())
                .isEqualTo(story.get("readingTimeMinutes").asInt() + " min read");

        screenshots("stack-digest-story");
    }

    @Test
    void theRelatedLinkOnTheStackDigestPageLeadsToTheLiveClaudeStory() {
        browser.get(urlOf(STACK_DIGEST_STORY));

        WebElement related = browser.findElement(By.linkText("Read the Claude Story"));
        assertThat(related.isDisplayed()).isTrue();
        related.click();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(urlOf(CLAUDE_STORY)));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Claude Goes to Work as Anthropic Bets on Agents Over Chat");
        screenshots("claude-story");
    }

    @Test
    void theHomePageListsEveryStoryAndEachLinkOpensThatStory() {
        browser.get(stack.siteUrl());

        Map<String, String> links = browser.findElements(By.cssSelector("main h2 a")).stream()
                .collect(Collectors.toMap(WebElement::getText, link -> link.getDomProperty("href"),
                        (first, second) -> first, LinkedHashMap::new));
        assertThat(links.keySet()).containsExactly(
                "Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice",
                "Claude Goes to Work as Anthropic Bets on Agents Over Chat",
                "Why Newsrooms Are Rebuilding Their Publishing Pipelines Around Event Streams");
        screenshots("home");

        links.forEach((headline, href) -> {
            browser.get(href);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as("page behind %s", href).isEqualTo(headline);
        });
    }

    private static String urlOf(String articleId) {
        return report.entries().stream().filter(entry -> entry.articleId().equals(articleId))
                .map(PublishReport.Entry::siteUrl).findFirst()
                .orElseThrow(() -> new AssertionError("no published URL for " + articleId));
    }

    private static JsonNode publishedLine(String articleId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode found = null;
        for (String line : Files.readAllLines(siteDir.resolve(SiteBuilder.PUBLISHED_LOG))) {
            JsonNode node = json.readTree(line);
            if (node.get("articleId").asText().equals(articleId)) {
                found = node;
            }
        }
        assertThat(found).as("%s in %s", articleId, SiteBuilder.PUBLISHED_LOG).isNotNull();
        return found;
    }

    /** The whole page, not just the first screen, as a desktop and as a phone show it; neither scrolls sideways. */
    private static void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : List.of(1440, 375)) {
                emulate(width, 900);
                long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
                assertThat(scrollWidth).as("%s at %d px wide does not scroll sideways", name, width).isLessThanOrEqualTo(width);
                long height = (Long) browser.executeScript(
                        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
                emulate(width, (int) height);
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot save screenshots of " + name, e);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** A viewport of this size; narrow ones as a phone, so the page's viewport meta tag applies. */
    private static void emulate(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }
}
