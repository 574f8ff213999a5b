package org.galley.render.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.render.StoryFixtures.CLAUDE_PATH;
import static org.galley.render.StoryFixtures.MICROSOFT_PATH;
import static org.galley.render.StoryFixtures.SITE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.galley.events.ArticleEnriched;
import org.galley.render.StoryFixtures;
import org.galley.render.ticker.TickerEntry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Stack Digest reference story's page, element by element, against the page it came from. */
class ArticlePageTest {

    private static final String HEADLINE =
            "Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice";
    private static final String DEK = "The biggest AI alliance of the decade has just been rewritten. Microsoft and "
            + "OpenAI say they are entering the next phase of their partnership, but the practical headline is "
            + "simpler: the exclusivity is over, the money flows have changed, and each company now has more room "
            + "to pursue its own future.";
    private static final String CLAUDE_HEADLINE = "Claude Goes to Work as Anthropic Bets on Agents Over Chat";
    private static final String URL = "http://localhost:8080" + MICROSOFT_PATH;
    private static final String HERO_ALT =
            "Two laptops and cloud infrastructure screens representing a tech partnership shifting";

    private static String html;
    private static Document page;

    @BeforeAll
    static void renderTheReferenceStory() {
        ArticleEnriched story = StoryFixtures.microsoftOpenAi();
        List<TickerEntry> ticker = List.of(TickerEntry.of(story), TickerEntry.of(StoryFixtures.claudeGoesToWork()));
        html = new JtePageRenderer(SITE).render(story, ticker);
        page = Jsoup.parse(html);
    }

    @Test
    void pageCarriesEveryElementOfTheReferenceInItsOrder() {
        List<Element> inOrder = List.of(
                one("nav.ticker"), one(".masthead"), one("a.back"), one("a.category"), one("h1"), one(".dek"),
                one(".byline"), one("figure.hero"), one(".body"), one("footer"));
        Elements all = page.getAllElements();
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(all.indexOf(inOrder.get(i)))
                    .as("%s comes after %s", inOrder.get(i).cssSelector(), inOrder.get(i - 1).cssSelector())
                    .isGreaterThan(all.indexOf(inOrder.get(i - 1)));
        }
    }

    @Test
    void tickerIsANavigationLabelledLiveThatLinksTheLatestHeadlinesNewestFirst() {
        Element ticker = one("nav.ticker");
        assertThat(ticker.attr("aria-label")).isEqualTo("Latest headlines");
        assertThat(ticker.selectFirst(".ticker-label").text()).isEqualTo("LIVE");
        Elements links = ticker.select("li a");
        assertThat(links.eachText()).containsExactly(HEADLINE, CLAUDE_HEADLINE);
        assertThat(links.eachAttr("href")).containsExactly(MICROSOFT_PATH, CLAUDE_PATH);
    }

    @Test
    void mastheadShowsTheSiteNameTaglineAndDomainWithTheNameLinkingHome() {
        assertThat(one("body > header.masthead")).isNotNull();
        Element name = one(".masthead a.masthead-name");
        assertThat(name.text()).isEqualTo("Stack Digest");
        assertThat(name.attr("href")).isEqualTo("/");
        assertThat(one(".masthead-tagline").text()).contains("Independent Tech Journalism");
        assertThat(one(".masthead-domain").text()).isEqualTo("stackdigest.org");
    }

    @Test
    void backLinkNamesTheSiteAndLeadsHome() {
        assertThat(one("a.back").text()).isEqualTo("← Back to Stack Digest");
        assertThat(one("a.back").attr("href")).isEqualTo("/");
    }

    @Test
    void categoryLabelLinksToItsSection() {
        assertThat(one("a.category").text()).isEqualTo("AI");
        assertThat(one("a.category").attr("href")).isEqualTo("/ai/");
    }

    @Test
    void storyIsTheArticleInThePagesMainLandmark() {
        assertThat(one("main > article").select("h1, .dek, .byline, figure.hero, .body")).hasSize(5);
    }

    @Test
    void headlineIsThePagesOnlyH1AndTheDekFollowsIt() {
        assertThat(page.select("h1")).hasSize(1);
        assertThat(one("h1").text()).isEqualTo(HEADLINE);
        assertThat(one("h1").nextElementSibling()).isEqualTo(one(".dek"));
        assertThat(one(".dek").text()).isEqualTo(DEK);
    }

    @Test
    void bylineGivesTheAuthorReadingTimeAndPublicationTime() {
        Element byline = one(".byline");
        assertThat(byline.text()).startsWith("By Stack Digest").contains("7 min read");
        assertThat(byline.selectFirst(".author").text()).isEqualTo("Stack Digest");
        assertThat(byline.selectFirst(".reading-time").text()).isEqualTo("7 min read");
        Element time = byline.selectFirst("time");
        assertThat(time.attr("datetime")).isEqualTo("2026-04-28T00:00:00Z");
        assertThat(time.text()).isEqualTo("April 28, 2026");
    }

    @Test
    void heroIsAFigureWithAltTextEagerAsyncImageAndCaptionWithSeparateCredit() {
        Element img = one("figure.hero img");
        // Ingest makes a story file's site path an absolute URL on the site, so the page carries that.
        assertThat(img.attr("src")).isEqualTo(StoryFixtures.SITE.baseUrl() + "/media/ai-partnership.svg");
        assertThat(img.attr("alt")).isEqualTo(HERO_ALT);
        assertThat(img.attr("loading")).isEqualTo("eager");
        assertThat(img.attr("decoding")).isEqualTo("async");
        Element caption = one("figure.hero figcaption");
        assertThat(caption.selectFirst(".caption").text()).isEqualTo("The modern AI stack is starting to look less "
                + "like a marriage and more like a series of negotiated power sharing agreements.");
        assertThat(caption.selectFirst(".credit").text()).isEqualTo("Photo: Unsplash");
    }

    @Test
    void bodyHasTheReferencesFiveSubheadingsAsLinkableH2s() {
        Elements subheadings = page.select(".body h2");
        assertThat(subheadings.eachText()).containsExactly(
                "The End of Exclusivity Changes the Mood",
                "Why Both Companies Wanted This",
                "The Money Is Telling the Truth",
                "What This Means for the AI Market",
                "So Are They Going Separate Ways");
        assertThat(subheadings.eachAttr("id")).hasSize(5).doesNotHaveDuplicates()
                .contains("the-end-of-exclusivity-changes-the-mood");
    }

    @Test
    void bodyKeepsTheStorysParagraphsFromFirstToLast() {
        Elements paragraphs = page.select(".body p");
        assertThat(paragraphs.first().text()).startsWith("For most of the last several years, Microsoft and OpenAI");
        assertThat(paragraphs.last().text()).isEqualTo("Microsoft and OpenAI are still partners. But after this "
                + "amendment, they are partners with clearer escape routes. In the AI business, that may be the most "
                + "revealing kind of commitment there is.");
        assertThat(paragraphs.eachText()).anyMatch(text -> text.contains("Microsoft’s license to OpenAI"));
    }

    @Test
    void footerIsANavigationLeadingHomeAndToTheRelatedStoryByItsLabel() {
        assertThat(one("body > footer > nav").attr("aria-label")).isEqualTo("More stories");
        Elements links = page.select("footer a");
        assertThat(links.eachText()).containsExactly("← Back to Homepage", "Read the Claude Story");
        assertThat(links.eachAttr("href")).containsExactly("/", CLAUDE_PATH);
    }

    @Test
    void headDeclaresDocumentBasics() {
        assertThat(page.childNode(0)).isInstanceOfSatisfying(DocumentType.class,
                doctype -> assertThat(doctype.name()).isEqualTo("html"));
        assertThat(html).startsWith("<!doctype html>");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(one("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(meta("name", "viewport")).isEqualTo("width=device-width, initial-scale=1");
        assertThat(page.title()).isEqualTo(HEADLINE + " · Stack Digest");
        assertThat(meta("name", "description")).isEqualTo(DEK);
        assertThat(one("link[rel=canonical]").attr("href")).isEqualTo(URL);
    }

    @Test
    void headCarriesOpenGraphArticleAndTwitterTags() {
        assertThat(meta("property", "og:type")).isEqualTo("article");
        assertThat(meta("property", "og:title")).isEqualTo(HEADLINE);
        assertThat(meta("property", "og:description")).isEqualTo(DEK);
        assertThat(meta("property", "og:url")).isEqualTo(URL);
        assertThat(meta("property", "og:image")).isEqualTo("http://localhost:8080/media/ai-partnership.svg");
        assertThat(meta("property", "og:image:alt")).isEqualTo(HERO_ALT);
        assertThat(meta("property", "og:site_name")).isEqualTo("Stack Digest");
        assertThat(meta("property", "article:published_time")).isEqualTo("2026-04-28T00:00:00Z");
        assertThat(meta("property", "article:modified_time")).isEqualTo("2026-04-28T09:30:00Z");
        assertThat(meta("property", "article:section")).isEqualTo("AI");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content"))
                .containsExactly("AI", "Microsoft", "OpenAI");
        assertThat(meta("name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta("name", "twitter:image")).isEqualTo("http://localhost:8080/media/ai-partnership.svg");
    }

    @Test
    void headLinksTheSitesFeedsAndItsSectionsFeeds() {
        Elements feeds = page.select("link[rel=alternate]");
        assertThat(feeds.eachAttr("href"))
                .containsExactly("/feed.xml", "/atom.xml", "/feed.json", "/ai/feed.xml", "/ai/atom.xml", "/ai/feed.json");
        assertThat(feeds.eachAttr("type")).containsExactly(
                "application/rss+xml", "application/atom+xml", "application/feed+json",
                "application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(feeds.eachAttr("title")).containsExactly(
                "Stack Digest (RSS)", "Stack Digest (Atom)", "Stack Digest (JSON Feed)",
                "Stack Digest: AI (RSS)", "Stack Digest: AI (Atom)", "Stack Digest: AI (JSON Feed)");
    }

    @Test
    void jsonLdDescribesTheNewsArticleWithTheStorysValues() throws Exception {
        JsonNode json = new ObjectMapper().readTree(one("script[type=application/ld+json]").data());
        assertThat(json.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(json.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(json.path("headline").asText()).isEqualTo(HEADLINE);
        assertThat(json.path("description").asText()).isEqualTo(DEK);
        assertThat(json.path("image").get(0).asText()).isEqualTo("http://localhost:8080/media/ai-partnership.svg");
        assertThat(json.path("datePublished").asText()).isEqualTo("2026-04-28T00:00:00Z");
        assertThat(json.path("dateModified").asText()).isEqualTo("2026-04-28T09:30:00Z");
        assertThat(json.path("author").get(0).path("@type").asText()).isEqualTo("Organization");
        assertThat(json.path("author").get(0).path("name").asText()).isEqualTo("Stack Digest");
        assertThat(json.path("publisher").path("@type").asText()).isEqualTo("Organization");
        assertThat(json.path("publisher").path("name").asText()).isEqualTo("Stack Digest");
        assertThat(json.path("mainEntityOfPage").path("@id").asText()).isEqualTo(URL);
        assertThat(json.path("articleSection").asText()).isEqualTo("AI");
        assertThat(json.path("keywords")).extracting(JsonNode::asText).containsExactly("AI", "Microsoft", "OpenAI");
    }

    @Test
    void contentSecurityPolicyAllowsExactlyTheInlineStylesheetAndNoScripts() throws Exception {
        String csp = meta("http-equiv", "Content-Security-Policy");
        byte[] styleBytes = one("style").data().getBytes(StandardCharsets.UTF_8);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(styleBytes));
        assertThat(csp).isEqualTo("default-src 'none'; img-src 'self' https: http:; style-src 'sha256-" + hash
                + "'; base-uri 'none'; form-action 'none'");
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("[style]")).isEmpty();
    }

    @Test
    void headNamesTheSitesSvgIconOnItsOwnHostWhichTheImagePolicyAllows() {
        Element icon = one("link[rel=icon]");
        assertThat(icon.attr("href")).isEqualTo("/favicon.svg");
        assertThat(icon.attr("type")).isEqualTo("image/svg+xml");
        assertThat(meta("http-equiv", "Content-Security-Policy")).contains("img-src 'self' ");
    }

    @Test
    void pageAsksNoOtherHostForAnythingButTheStorysOwnImages() {
        String css = one("style").data();
        assertThat(css).doesNotContain("@import", "url(", "@font-face");
        assertThat(css).contains("--accent:#c8102e", "max-width:70ch");
        assertThat(page.select("script[src], link[rel=stylesheet], link[rel=preload], iframe")).isEmpty();
        assertThat(page.select("img").eachAttr("src"))
                .allMatch(src -> src.startsWith("/") || src.startsWith(StoryFixtures.SITE.baseUrl() + "/"));
    }

    private static Element one(String css) {
        Elements found = page.select(css);
        assertThat(found).as(css).hasSize(1);
        return found.first();
    }

    private static String meta(String attribute, String value) {
        return one("meta[" + attribute + "=" + value + "]").attr("content");
    }
}
