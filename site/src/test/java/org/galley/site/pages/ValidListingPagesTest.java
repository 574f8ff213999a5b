package org.galley.site.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;
import org.galley.site.listing.ListingSlice;
import org.galley.testkit.NuHtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidListingPagesTest {

    private static final ListingPages PAGES = new ListingPages(SiteSettings.stackDigest());

    // The checker applies the page's CSP to itself; images from this site are allowed by 'self' in a browser.
    private static final List<Pattern> FALSE_POSITIVES = List.of(
            Pattern.compile("^Resource violates Content Security Policy \\(meta tag\\): image \u201c/"));

    private static final List<ListedStory> STORIES = List.of(
            story("partnership").path("/ai/microsoft-and-openai/").headline("Microsoft & OpenAI <Not> Breaking Up")
                    .dek("The alliance has been rewritten.").tags("OpenAI:openai", "Microsoft:microsoft")
                    .hero("/media/ai-partnership.svg", "Two laptops and cloud screens").listed(),
            story("claude").path("/ai/claude-goes-to-work/").headline("Claude Goes to Work")
                    .hero("https://images.example.org/claude.jpg", "An office").tags("Anthropic:anthropic")
                    .publishedAt("2026-04-20T08:00:00Z").listed(),
            story("tokyo").path("/tokyo-robots/").category("東京").headline("東京で AI ロボット展示会").language("ja")
                    .tags().publishedAt("2026-04-19T08:00:00Z").listed());

    static Stream<Arguments> listings() {
        List<ListedStory> ai = STORIES.stream().filter(story -> "ai".equals(story.section())).toList();
        List<ListedStory> openai = STORIES.stream().filter(story -> Listing.of(story).contains(Listing.tag("openai"))).toList();
        return Stream.of(
                Arguments.of("home", ListingSlice.newest(Listing.HOME, 0, STORIES)),
                Arguments.of("empty home", ListingSlice.newest(Listing.HOME, 0, List.of())),
                Arguments.of("section", ListingSlice.newest(Listing.section("ai"), 0, ai)),
                Arguments.of("tag", ListingSlice.newest(Listing.tag("openai"), 0, openai)),
                Arguments.of("home with archive pages", ListingSlice.newest(Listing.HOME, 3, STORIES.subList(0, 1))),
                Arguments.of("middle archive page of a tag", new ListingSlice(Listing.tag("openai"), 2, 3, STORIES.subList(1, 2))),
                Arguments.of("oldest archive page of a section", new ListingSlice(Listing.section("ai"), 1, 3, STORIES.subList(2, 3))),
                Arguments.of("newest archive page of home", new ListingSlice(Listing.HOME, 3, 3, STORIES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void theListingPageHasNoErrorsInTheNuHtmlChecker(String name, ListingSlice slice) {
        String html = PAGES.render(slice);

        NuHtmlChecker.Report report = NuHtmlChecker.shared().check(html);

        assertThat(report.errors()).as("Nu Html Checker on the %s page:\n%s", name, report.describe()).isEmpty();
        assertThat(report.warnings()).as("Nu Html Checker on the %s page:\n%s", name, report.describe())
                .allMatch(warning -> FALSE_POSITIVES.stream().anyMatch(known -> known.matcher(warning.text()).find()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void theListingPageLoadsNothingFromElsewhereAndRunsNoCode(String name, ListingSlice slice) {
        Document page = Jsoup.parse(PAGES.render(slice));

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("link[rel=stylesheet], link[rel=preload], link[rel=preconnect]")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("style").html()).doesNotContain("@import", "url(");
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
    }

    @Test
    void aMiddleArchivePageLinksTheNewerAndOlderPagesInItsHeadAndInANamedNavigation() {
        Document page = Jsoup.parse(PAGES.render(new ListingSlice(Listing.tag("openai"), 2, 3, STORIES.subList(0, 2))));

        assertThat(page.select("head link[rel=prev]").attr("href")).isEqualTo("/tags/openai/page/3/");
        assertThat(page.select("head link[rel=next]").attr("href")).isEqualTo("/tags/openai/page/1/");
        assertThat(page.select("head link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/tags/openai/page/2/");
        assertThat(page.select("nav[aria-label=Pages] a[rel=prev]").attr("href")).isEqualTo("/tags/openai/page/3/");
        assertThat(page.select("nav[aria-label=Pages] a[rel=prev]").text()).contains("Newer stories");
        assertThat(page.select("nav[aria-label=Pages] a[rel=next]").attr("href")).isEqualTo("/tags/openai/page/1/");
        assertThat(page.select("nav[aria-label=Pages] a[rel=next]").text()).contains("Older stories");
        assertThat(page.select("nav[aria-label=Pages] .page-number").text()).isEqualTo("Page 2 · 20–21 April 2026");
        assertThat(page.title()).isEqualTo("OpenAI · Stack Digest · Page 2");
        assertThat(page.select("h1").text()).isEqualTo("OpenAI");
    }

    @Test
    void theNewestArchivePageLeadsBackToTheListingAndTheListingToItWithoutAPageNumber() {
        Document newest = Jsoup.parse(PAGES.render(new ListingSlice(Listing.section("ai"), 3, 3, STORIES)));
        Document own = Jsoup.parse(PAGES.render(ListingSlice.newest(Listing.section("ai"), 3, STORIES)));

        assertThat(newest.select("nav[aria-label=Pages] a[rel=prev]").attr("href")).isEqualTo("/ai/");
        assertThat(own.select("head link[rel=prev], nav a[rel=prev], .page-number")).isEmpty();
        assertThat(own.select("head link[rel=next]").attr("href")).isEqualTo("/ai/page/3/");
        assertThat(own.select("nav[aria-label=Pages] a[rel=next]").attr("href")).isEqualTo("/ai/page/3/");
        assertThat(own.title()).isEqualTo("AI · Stack Digest");
        assertThat(own.select("head link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/ai/");
    }

    @Test
    void anArchivePageIsTheSameBytesHoweverManyPagesComeAfterTheNextOne() {
        List<ListedStory> stories = STORIES.subList(0, 2);

        String withThree = PAGES.render(new ListingSlice(Listing.tag("openai"), 2, 3, stories));

        assertThat(PAGES.render(new ListingSlice(Listing.tag("openai"), 2, 40, stories))).isEqualTo(withThree);
    }

    @Test
    void anArchivePageIsNamedByItsOwnNewestStoryNotTheListingsNewest() {
        ListedStory older = story("older").category("Ai").publishedAt("2026-04-01T00:00:00Z").listed();

        Document page = Jsoup.parse(PAGES.render(new ListingSlice(Listing.section("ai"), 1, 1, List.of(older))));

        assertThat(page.select("h1").text()).isEqualTo("Ai");
        assertThat(page.title()).isEqualTo("Ai · Stack Digest · Page 1");
    }

    @Test
    void aListingOfOnePageHasNoPageLinks() {
        Document page = Jsoup.parse(PAGES.render(ListingSlice.newest(Listing.HOME, 0, STORIES)));

        assertThat(page.select("link[rel=prev], link[rel=next], a[rel=prev], a[rel=next], nav[aria-label=Pages]")).isEmpty();
    }

    @Test
    void anArchivePageGivesTheDaysOfItsStoriesSayingASharedMonthOrYearOnce() {
        assertThat(ListingPage.dateRange(Instant.parse("2026-04-09T08:00:00Z"), Instant.parse("2026-04-09T23:00:00Z")))
                .isEqualTo("9 April 2026");
        assertThat(ListingPage.dateRange(Instant.parse("2026-04-02T08:00:00Z"), Instant.parse("2026-04-09T08:00:00Z")))
                .isEqualTo("2–9 April 2026");
        assertThat(ListingPage.dateRange(Instant.parse("2026-03-28T08:00:00Z"), Instant.parse("2026-04-09T08:00:00Z")))
                .isEqualTo("28 March – 9 April 2026");
        assertThat(ListingPage.dateRange(Instant.parse("2025-12-28T08:00:00Z"), Instant.parse("2026-01-02T08:00:00Z")))
                .isEqualTo("28 December 2025 – 2 January 2026");
    }
}
