package org.galley.site.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

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
                Arguments.of("home", new ListingSlice(Listing.HOME, 1, 1, STORIES), STORIES.get(0)),
                Arguments.of("empty home", new ListingSlice(Listing.HOME, 1, 1, List.of()), null),
                Arguments.of("section", new ListingSlice(Listing.section("ai"), 1, 1, ai), ai.get(0)),
                Arguments.of("tag", new ListingSlice(Listing.tag("openai"), 1, 1, openai), openai.get(0)),
                Arguments.of("first of three home pages", new ListingSlice(Listing.HOME, 1, 3, STORIES.subList(0, 1)),
                        STORIES.get(0)),
                Arguments.of("middle page of a tag", new ListingSlice(Listing.tag("openai"), 2, 3, STORIES.subList(1, 2)),
                        STORIES.get(0)),
                Arguments.of("last page of a section", new ListingSlice(Listing.section("ai"), 3, 3, STORIES.subList(2, 3)),
                        STORIES.get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void theListingPageHasNoErrorsInTheNuHtmlChecker(String name, ListingSlice slice, ListedStory newest) {
        String html = PAGES.render(slice, newest);

        NuHtmlChecker.Report report = NuHtmlChecker.shared().check(html);

        assertThat(report.errors()).as("Nu Html Checker on the %s page:\n%s", name, report.describe()).isEmpty();
        assertThat(report.warnings()).as("Nu Html Checker on the %s page:\n%s", name, report.describe())
                .allMatch(warning -> FALSE_POSITIVES.stream().anyMatch(known -> known.matcher(warning.text()).find()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void theListingPageLoadsNothingFromElsewhereAndRunsNoCode(String name, ListingSlice slice, ListedStory newest) {
        Document page = Jsoup.parse(PAGES.render(slice, newest));

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("link[rel=stylesheet], link[rel=preload], link[rel=preconnect]")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("style").html()).doesNotContain("@import", "url(");
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
    }

    @Test
    void aMiddlePageLinksTheNewerAndOlderPagesInItsHeadAndInANamedNavigation() {
        Document page = Jsoup.parse(PAGES.render(new ListingSlice(Listing.tag("openai"), 2, 3, STORIES.subList(1, 2)),
                STORIES.get(0)));

        assertThat(page.select("head link[rel=prev]").attr("href")).isEqualTo("/tags/openai/");
        assertThat(page.select("head link[rel=next]").attr("href")).isEqualTo("/tags/openai/page/3/");
        assertThat(page.select("head link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/tags/openai/page/2/");
        assertThat(page.select("nav[aria-label=Pages] a[rel=prev]").attr("href")).isEqualTo("/tags/openai/");
        assertThat(page.select("nav[aria-label=Pages] a[rel=next]").attr("href")).isEqualTo("/tags/openai/page/3/");
        assertThat(page.select("nav[aria-label=Pages]").text()).contains("Page 2");
        assertThat(page.title()).isEqualTo("OpenAI · Stack Digest · Page 2");
        assertThat(page.select("h1").text()).isEqualTo("OpenAI");
    }

    @Test
    void aListingOfOnePageHasNoPageLinks() {
        Document page = Jsoup.parse(PAGES.render(new ListingSlice(Listing.HOME, 1, 1, STORIES), STORIES.get(0)));

        assertThat(page.select("link[rel=prev], link[rel=next], a[rel=prev], a[rel=next], nav[aria-label=Pages]")).isEmpty();
    }
}
