package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableTextTest {

    @Test
    void keepsLinkTextAndDropsTheUrl() {
        ReadableText text = ReadableText.of("Read [the filing](https://example.com/very/long/url) today.");
        assertThat(text.text()).isEqualTo("Read the filing today.");
        assertThat(WordCount.of(text.text()).words()).isEqualTo(4);
    }

    @Test
    void anImageIsCountedAsAnImageNotAsWords() {
        ReadableText text = ReadableText.of("Before ![a long description of a chart](/media/chart.png) after.");
        assertThat(text.text()).isEqualTo("Before  after.");
        assertThat(text.images()).isEqualTo(1);
    }

    @Test
    void htmlImagesCountToo() {
        ReadableText text = ReadableText.of("<figure><img src=\"/a.png\" alt=\"x\"><figcaption>A chart</figcaption></figure>\n\nText <img src=\"/b.png\"> here.");
        assertThat(text.images()).isEqualTo(2);
        assertThat(WordCount.of(text.text()).words()).isEqualTo(4);
    }

    @Test
    void dropsEmphasisMarkersAndHeadingHashes() {
        ReadableText text = ReadableText.of("## The **Money** Is _Telling_ the ~Truth~\n\nBody *here*.");
        assertThat(text.text()).isEqualTo("The Money Is Telling the ~Truth~\n\nBody here.");
        assertThat(WordCount.of(text.text()).words()).isEqualTo(8);
    }

    @Test
    void wordsInCodeCount() {
        ReadableText text = ReadableText.of("Run `mvn verify` first:\n\n```java\nint answer = compute(42);\n```\n\n    indented code block\n");
        assertThat(text.text()).contains("mvn verify", "int answer = compute(42);", "indented code block");
        assertThat(WordCount.of(text.text()).words()).isEqualTo(4 + 3 + 3);
    }

    @Test
    void tableCellsAreTextAndTheirRulesAreNot() {
        ReadableText text = ReadableText.of("| Stage | Reads |\n|-------|-------|\n| ingest | articles.submitted |\n");
        assertThat(WordCount.of(text.text()).words()).isEqualTo(4);
        assertThat(text.paragraphs()).isEmpty();
    }

    @Test
    void collectsTopLevelParagraphsInOrderWithoutHeadingsListsOrCode() {
        ReadableText text = ReadableText.of("""
                # Heading

                First *paragraph*
                goes on.

                - a list item

                ```
                code
                ```

                Second paragraph.
                """);
        assertThat(text.paragraphs()).containsExactly("First paragraph goes on.", "Second paragraph.");
    }

    @Test
    void blocksAreSeparatedByABlankLine() {
        assertThat(ReadableText.of("# Title\nText.").text()).isEqualTo("Title\n\nText.");
    }

    @Test
    void anEmptyBodyHasNothing() {
        assertThat(ReadableText.of("")).isEqualTo(new ReadableText("", java.util.List.of(), 0));
        assertThat(ReadableText.of(null).text()).isEmpty();
    }
}
