package org.galley.site.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;
import org.galley.testkit.NuHtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
        return Stream.of(
                Arguments.of("home", Listing.HOME, STORIES),
                Arguments.of("empty home", Listing.HOME, List.of()),
                Arguments.of("section", Listing.section("ai"), Listing.section("ai").select(STORIES)),
                Arguments.of("tag", Listing.tag("openai"), Listing.tag("openai").select(STORIES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void theListingPageHasNoErrorsInTheNuHtmlChecker(String name, Listing listing, List<ListedStory> stories) {
        String html = PAGES.render(listing, stories);

        NuHtmlChecker.Report report = NuHtmlChecker.shared().check(html);

        assertThat(report.errors()).as("Nu Html Checker on the %s page:\n%s", name, report.describe()).isEmpty();
        assertThat(report.warnings()).as("Nu Html Checker on the %s page:\n%s", name, report.describe())
                .allMatch(warning -> FALSE_POSITIVES.stream().anyMatch(known -> known.matcher(warning.text()).find()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void theListingPageLoadsNothingFromElsewhereAndRunsNoCode(String name, Listing listing, List<ListedStory> stories) {
        Document page = Jsoup.parse(PAGES.render(listing, stories));

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("link[rel=stylesheet], link[rel=preload], link[rel=preconnect]")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("style").html()).doesNotContain("@import", "url(");
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
    }
}
