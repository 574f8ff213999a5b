package org.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private Document body(String source) {
        return Jsoup.parseBodyFragment(markdown.toHtml(source));
    }

    @Test
    void gfmTablesBecomeTablesWithAlignmentAsAClassNotTheObsoleteAttribute() {
        Document doc = body("""
                | Company | Cloud | Share |
                |:--------|:-----:|------:|
                | OpenAI  | Any   | 20%   |
                """);

        assertThat(doc.select("table thead th").eachText()).containsExactly("Company", "Cloud", "Share");
        assertThat(doc.select("table tbody td").eachText()).containsExactly("OpenAI", "Any", "20%");
        assertThat(doc.select("th").eachAttr("class")).containsExactly("align-left", "align-center", "align-right");
        assertThat(doc.select("[align]")).isEmpty();
    }

    @Test
    void doubleTildesStrikeThrough() {
        assertThat(body("Exclusive ~~forever~~ until 2032").select("del").text()).isEqualTo("forever");
    }

    @Test
    void bareUrlsAndEmailAddressesBecomeLinks() {
        Document doc = body("Read https://openai.com/blog and write to desk@stackdigest.org today.");

        assertThat(doc.select("a").eachAttr("href"))
                .containsExactly("https://openai.com/blog", "mailto:desk@stackdigest.org");
        assertThat(doc.text()).isEqualTo("Read https://openai.com/blog and write to desk@stackdigest.org today.");
    }

    @Test
    void referenceStyleLinksResolveToTheirDefinitions() {
        Document doc = body("""
                The [statement][msft] and the [other one][].

                [msft]: https://blogs.microsoft.com/next-phase "Microsoft's post"
                [other one]: https://openai.com/index/next-phase/
                """);

        assertThat(doc.select("a").eachAttr("href"))
                .containsExactly("https://blogs.microsoft.com/next-phase", "https://openai.com/index/next-phase/");
        assertThat(doc.selectFirst("a").attr("title")).isEqualTo("Microsoft's post");
        assertThat(doc.text()).doesNotContain("[msft]");
    }

    @Test
    void headingsGetUniqueIdsAndAFirstLevelHeadingNeverCompetesWithTheHeadline() {
        Document doc = body("""
                # Not a second headline
                ## The Money Is Telling the Truth
                ## The Money Is Telling the Truth
                ### Détails über 日本
                """);

        assertThat(doc.select("h1")).isEmpty();
        assertThat(doc.select("h2").eachAttr("id")).containsExactly(
                "not-a-second-headline", "the-money-is-telling-the-truth", "the-money-is-telling-the-truth-1");
        assertThat(doc.selectFirst("h3").id()).isNotBlank();
        assertThat(doc.selectFirst("h3").text()).isEqualTo("Détails über 日本");
    }

    @Test
    void codeBlocksKeepEveryCharacterAndTheirLanguageWithMarkupEscapedNotRemoved() {
        String code = """
                <script>alert("x & y")</script>
                if (a < b && c > d) { return 'ok'; } // `tick`
                Ελληνικά · русский · العربية · 中文 · हिन्दी · 🚀
                \ttabbed    spaced""";
        Document doc = body("```java\n" + code + "\n```\n");

        Element block = doc.selectFirst("pre > code");
        assertThat(block.className()).isEqualTo("language-java");
        assertThat(block.wholeText()).isEqualTo(code + "\n");
        assertThat(doc.select("script")).isEmpty();
    }

    @Test
    void inlineCodeKeepsMarkupAsText() {
        Document doc = body("Use `<iframe src=\"x\">` sparingly.");

        assertThat(doc.selectFirst("code").text()).isEqualTo("<iframe src=\"x\">");
        assertThat(doc.select("iframe")).isEmpty();
    }

    @Test
    void dangerousRawHtmlIsRemovedWhileTheTextAroundItStays() {
        Document doc = body("""
                Before the script.<script>alert('xss')</script> After the script.

                <img src="https://images.example/a.jpg" onerror="alert(1)" alt="A chart">

                <a href="javascript:alert(1)">Click here</a> and <a href="data:text/html,hi">this</a>.

                <iframe src="https://evil.example/"></iframe>Text after the frame.

                <form action="/x"><input name="q"></form><object data="x"></object><embed src="x"><base href="https://evil.example/"><style>body{display:none}</style>

                <p style="color:red" onclick="steal()">Still here.</p>
                """);

        assertThat(doc.select("script, iframe, form, input, object, embed, base, style")).isEmpty();
        assertThat(doc.select("[onerror], [onclick], [style]")).isEmpty();
        assertThat(doc.select("a[href]")).isEmpty();
        assertThat(doc.text()).contains("Before the script.", "After the script.", "Click here", "this",
                "Text after the frame.", "Still here.");
        assertThat(doc.text()).doesNotContain("alert", "display:none");
        assertThat(doc.selectFirst("img").attr("src")).isEqualTo("https://images.example/a.jpg");
        assertThat(doc.selectFirst("img").attr("alt")).isEqualTo("A chart");
    }

    @Test
    void anUnclosedRawTextElementInsideRawHtmlDoesNotSwallowTheRestOfTheStory() {
        Document doc = body("""
                Before the vector.

                <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>

                After the vector, a paragraph that must stay.

                ## A heading after it

                And the **last** paragraph.
                """);

        assertThat(doc.select("script, style, math, mglyph, [onerror]")).isEmpty();
        assertThat(doc.text()).contains("Before the vector.", "After the vector, a paragraph that must stay.",
                "A heading after it", "And the last paragraph.");
        assertThat(doc.select("h2").text()).isEqualTo("A heading after it");
        assertThat(doc.select("strong").text()).isEqualTo("last");
    }

    @Test
    void aRawTextBlockThatIsNeverClosedLosesItsTagAndTheRestIsStillMarkdown() {
        for (String tag : new String[] {"<style>", "<script>", "<textarea>", "<pre>", "<STYLE type=\"text/css\">"}) {
            Document doc = body(tag + "\nbody { display: none }\n\n## Still a heading\n\nA *paragraph* after it.\n");

            assertThat(doc.select("h2").text()).as(tag).isEqualTo("Still a heading");
            assertThat(doc.select("em").text()).as(tag).isEqualTo("paragraph");
            assertThat(doc.select("style, script, textarea")).as(tag).isEmpty();
        }
    }

    @Test
    void closedRawTextElementsStillGoWithWhatTheyHoldAndCodeSamplesKeepTheirTags() {
        Document doc = body("""
                Text <style>p{display:none}</style>kept.

                ```html
                <style>
                ```

                After the sample.
                """);

        assertThat(doc.text()).doesNotContain("display:none").contains("Text", "kept.", "After the sample.");
        assertThat(doc.select("pre code").text()).isEqualTo("<style>");
    }

    @Test
    void imagesFromDataOrScriptUrlsAreDropped() {
        Document doc = body("![pixel](data:image/png;base64,AAAA) <img src=\"javascript:alert(1)\" alt=\"j\">");

        assertThat(doc.select("img")).isEmpty();
    }

    @Test
    void rawImageWithoutAltTextIsKeptAsDecorative() {
        Element img = body("<p><img src=\"/media/chart.svg\"></p>").selectFirst("img");

        assertThat(img.attr("src")).isEqualTo("/media/chart.svg");
        assertThat(img.attributes().hasKey("alt")).isTrue();
        assertThat(img.attr("alt")).isEmpty();
    }

    @Test
    void whatAnEmbedOffersReadersWithoutScriptsIsKept() {
        Document doc = body("""
                <div class="embed"><script src="https://cdn.example/embed.js"></script><NoScript><img src="https://charts.example/123/thumbnail" alt="Revenue chart"><p>Revenue rose 20%.</p></NoScript></div>
                """);

        assertThat(doc.select("script, noscript")).isEmpty();
        assertThat(doc.selectFirst("img").attr("src")).isEqualTo("https://charts.example/123/thumbnail");
        assertThat(doc.selectFirst("p").text()).isEqualTo("Revenue rose 20%.");
    }

    @Test
    void outputIsHtmlNotXhtmlAndLeavesNoEmptyParagraphs() {
        String html = markdown.toHtml("Line one  \nline two\n\n---\n\n![x](/a.png)\n\n<object data=\"x\"></object>\n");

        assertThat(html).contains("<br>", "<hr>", "<img src=\"/a.png\"").doesNotContain("/>", "<p></p>");
    }

    @Test
    void bodyImagesLoadLazily() {
        Element img = body("![A chart of cloud revenue](https://images.example/chart.png \"Revenue\")").selectFirst("img");

        assertThat(img.attr("src")).isEqualTo("https://images.example/chart.png");
        assertThat(img.attr("alt")).isEqualTo("A chart of cloud revenue");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.attr("decoding")).isEqualTo("async");
    }

    @Test
    void allowedRawHtmlLikeFiguresSurvives() {
        Document doc = body("""
                <figure><img src="/media/chart.svg" alt="Chart"><figcaption>Revenue, 2020-2026</figcaption></figure>
                """);

        assertThat(doc.select("figure img[src=/media/chart.svg]")).hasSize(1);
        assertThat(doc.selectFirst("figcaption").text()).isEqualTo("Revenue, 2020-2026");
    }

    @Test
    void anEmptyBodyRendersAsNothing() {
        assertThat(markdown.toHtml("")).isEmpty();
        assertThat(markdown.toHtml(null)).isEmpty();
    }
}
