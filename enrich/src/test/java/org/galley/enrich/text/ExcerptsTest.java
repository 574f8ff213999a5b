package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    private static String excerpt(String dek, String markdown) {
        return Excerpts.of(dek, ReadableText.of(markdown), Locale.ENGLISH);
    }

    @Test
    void theDekIsTheExcerpt() {
        assertThat(excerpt("  The standfirst.  ", "Body text.")).isEqualTo("The standfirst.");
    }

    @Test
    void withoutADekTheOpeningSentencesFitWholeAcrossParagraphs() {
        String body = """
                ## A heading is not an opening

                For two decades most news sites ran on one large content management system. It worked until the \
                site needed to publish to ten places at once. Then it did not.

                Later paragraph.
                """;
        assertThat(excerpt(null, body)).isEqualTo("For two decades most news sites ran on one large content management "
                + "system. It worked until the site needed to publish to ten places at once. Then it did not. "
                + "Later paragraph.");
    }

    @Test
    void stopsBeforeTheSentenceThatWouldPassTwoHundredCharacters() {
        String first = "Short first sentence.";
        String second = "A second sentence that is long enough to push the excerpt past its limit of two hundred "
                + "characters, because it keeps going and going and going and going without stopping for breath.";
        String excerpt = excerpt("", first + " " + second);
        assertThat(excerpt).isEqualTo(first);
    }

    @Test
    void aFirstSentenceTooLongIsCutAtAWordWithAnEllipsis() {
        String sentence = "word ".repeat(60).strip() + ".";
        String excerpt = excerpt(null, sentence);
        assertThat(excerpt).hasSizeLessThanOrEqualTo(Excerpts.MAX_LENGTH).endsWith("word\u2026");
    }

    @Test
    void usesPlainTextNotMarkdown() {
        assertThat(excerpt(null, "It is *very* [linked](https://x.example).")).isEqualTo("It is very linked.");
    }

    @Test
    void aBodyWithoutParagraphsHasNoExcerpt() {
        assertThat(excerpt(null, "")).isEmpty();
        assertThat(excerpt(null, "# Only a heading")).isEmpty();
    }
}
