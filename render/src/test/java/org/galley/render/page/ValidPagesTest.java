package org.galley.render.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.galley.events.ArticleEnriched;
import org.galley.render.StoryFixtures;
import org.galley.render.ticker.TickerEntry;
import org.galley.testkit.NuHtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every story shape renders to a page with zero errors in the Nu Html Checker, keeps all of its content and
 * loses only what is dangerous. The stories are the samples plus render's own fixtures
 * ({@code src/test/resources/stories}): code in many languages and scripts, tables, quotes, reference links,
 * strikethrough, autolinks, right-to-left and CJK stories, a 300-character headline, a story with no dek or
 * hero, and a blog post pasted in with its chart scripts, frames, forms and handlers.
 */
class ValidPagesTest {

    private static final JtePageRenderer RENDERER = new JtePageRenderer(StoryFixtures.SITE);

    // What the writer submitted, as plain CommonMark would show it with nothing removed: the yardstick for
    // "content survives".
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()))
            .build();
    private static final HtmlRenderer UNSANITIZED = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()))
            .build();

    // Warnings the checker gives pages that are right, each because it checks a string on its own rather than
    // a page in a browser. It applies script-src to the JSON-LD, a data block that browsers never run and CSP
    // does not govern; and it cannot match a site-relative image against 'self', because the string has no
    // origin. Any other warning fails the test.
    private static final List<Pattern> FALSE_POSITIVES = List.of(
            Pattern.compile("^Inline script violates Content Security Policy \\(meta tag\\)"),
            Pattern.compile("^Resource violates Content Security Policy \\(meta tag\\): image \u201c/"));

    static Stream<String> stories() {
        return Stream.concat(StoryFixtures.sampleFiles().stream(), StoryFixtures.fixtureFiles().stream());
    }

    private static String render(ArticleEnriched story) {
        List<TickerEntry> ticker = List.of(TickerEntry.of(story), TickerEntry.of(StoryFixtures.claudeGoesToWork()));
        return RENDERER.render(story, ticker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stories")
    void pageHasNoErrorsInTheNuHtmlChecker(String file) {
        String html = render(StoryFixtures.fromFile(file));

        NuHtmlChecker.Report report = NuHtmlChecker.shared().check(html);

        assertThat(report.errors()).as("Nu Html Checker on %s:\n%s", file, report.describe()).isEmpty();
        assertThat(report.warnings()).as("Nu Html Checker on %s:\n%s", file, report.describe())
                .allMatch(warning -> FALSE_POSITIVES.stream().anyMatch(known -> known.matcher(warning.text()).find()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stories")
    void everyParagraphCellHeadingAndCodeLineOfTheStoryIsOnItsPage(String file) {
        ArticleEnriched story = StoryFixtures.fromFile(file);
        Document submitted = Jsoup.parseBodyFragment(UNSANITIZED.render(PARSER.parse(story.getSubmission().getBodyMarkdown())));
        Element body = Jsoup.parse(render(story)).selectFirst("main .body");

        String bodyText = body.text();
        for (Element block : submitted.select("p, li, th, td, h1, h2, h3, h4, h5, h6, blockquote, caption, figcaption, del")) {
            assertThat(bodyText).as("text of <%s> in %s", block.tagName(), file).contains(block.text());
        }
        List<String> code = body.select("pre > code").eachText().isEmpty() ? List.of()
                : body.select("pre > code").stream().map(Element::wholeText).toList();
        for (Element block : submitted.select("pre > code")) {
            assertThat(code).as("code block in %s", file).contains(block.wholeText());
        }
        for (Element image : submitted.select("img[src^=http], img[src^=/]")) {
            assertThat(body.select("img").eachAttr("src")).as("image in %s", file).contains(image.attr("src"));
        }
        for (Element link : submitted.select("a[href^=http], a[href^=/], a[href^=mailto:]")) {
            assertThat(body.select("a").eachAttr("href")).as("link in %s", file).contains(link.attr("href"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stories")
    void nothingOnThePageCanRunCodeLoadAnotherSiteOrLeaveThePage(String file) {
        Document page = Jsoup.parse(render(StoryFixtures.fromFile(file)));

        assertThat(page.select("script")).as("scripts in %s", file).hasSize(1)
                .allMatch(script -> script.attr("type").equals("application/ld+json"));
        assertThat(page.select("style")).hasSize(1).allMatch(style -> style.parent().tagName().equals("head"));
        assertThat(page.select("iframe, frame, frameset, object, embed, applet, form, input, button, textarea, "
                + "select, base, link[rel=stylesheet], meta[http-equiv=refresh], svg, math, canvas, noscript"))
                .as("dangerous elements in %s", file).isEmpty();
        assertThat(page.getAllElements()).as("handlers and inline styles in %s", file)
                .allSatisfy(element -> assertThat(element.attributes().asList())
                        .noneMatch(attribute -> attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")
                                || attribute.getKey().equalsIgnoreCase("style")
                                || attribute.getKey().equalsIgnoreCase("srcset")
                                || attribute.getKey().equalsIgnoreCase("formaction")));
        for (Element linked : page.select("[href], [src], [cite], [action], [data]")) {
            for (String attribute : List.of("href", "src", "cite", "action", "data")) {
                String url = linked.attr(attribute).strip().toLowerCase(Locale.ROOT);
                assertThat(url).as("%s of <%s> in %s", attribute, linked.tagName(), file)
                        .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
            }
        }
    }

    @Test
    void thePreviewPageHasNoErrorsInTheNuHtmlChecker() {
        String html = RENDERER.render(StoryFixtures.preview(StoryFixtures.microsoftOpenAi(), "q7Vd0uXo3kZ9bY2cR5mN8wT1"),
                List.of());

        NuHtmlChecker.Report report = NuHtmlChecker.shared().check(html);

        assertThat(Jsoup.parse(html).select(".preview-banner")).hasSize(1);
        assertThat(report.errors()).as("Nu Html Checker on the preview:\n%s", report.describe()).isEmpty();
        assertThat(report.warnings()).as("Nu Html Checker on the preview:\n%s", report.describe())
                .allMatch(warning -> FALSE_POSITIVES.stream().anyMatch(known -> known.matcher(warning.text()).find()));
    }

    @Test
    void pastedBlogPostKeepsItsWordsTableFigureAndChartFallbackButNothingThatActs() {
        Element body = Jsoup.parse(render(StoryFixtures.fromFile("embedded-chart.md"))).selectFirst("main .body");

        assertThat(body.text()).contains("Before the chart. After the chart script.",
                "Revenue by quarter: Q1 $12bn, Q2 $15bn.", "Source: company filings, compiled by the partner.",
                "Text after the frame.", "A paragraph with handlers and a style attribute.",
                "a script link, a mixed-case one, a spaced one, an encoded one, a data link, a vbscript link and a real one.",
                "We expect the trend to continue.", "The end of the imported post.");
        assertThat(body.text()).doesNotContain("document.cookie", "new Chart", "display: none", "tracker", "alert");
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://partner.example/post");
        assertThat(body.select("a[target], a[rel]")).isEmpty();
        assertThat(body.select("img").eachAttr("src")).containsExactly(
                "https://public.charts.example/visualisation/123/thumbnail",
                "https://images.example.org/charts/q2.png",
                "/media/ai-partnership.svg",
                "/media/claude-at-work.svg");
        assertThat(body.selectFirst("img[src=/media/ai-partnership.svg]").attributes().hasKey("alt")).isTrue();
        assertThat(body.selectFirst("img[src$=q2.png]").attr("width")).isEqualTo("600");
        assertThat(body.select("table caption").text()).isEqualTo("Revenue, billions of dollars");
        assertThat(body.select("table td").eachText()).containsExactly("Q1", "12", "Q2", "15");
        assertThat(body.select("blockquote").attr("cite")).isEqualTo("https://partner.example/post");
        assertThat(body.select("figure figcaption").text()).isEqualTo("A figure the partner used, kept as it is.");
        assertThat(body.select("p:empty")).isEmpty();
    }
}
