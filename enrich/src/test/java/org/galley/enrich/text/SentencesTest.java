package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsSentencesAndTreatsABlankLineAsAnEnd() {
        assertThat(Sentences.of("A heading\n\nFirst one. Second one? Third!", Locale.ENGLISH))
                .containsExactly("A heading", "First one.", "Second one?", "Third!");
    }

    @Test
    void findsTheSentenceAroundAPosition() {
        String text = "Heading\n\nFirst one. Second one here. Third.";
        int[] bounds = Sentences.around(text, text.indexOf("one here"), Locale.ENGLISH);
        assertThat(text.substring(bounds[0], bounds[1]).strip()).isEqualTo("Second one here.");
        int[] heading = Sentences.around(text, 2, Locale.ENGLISH);
        assertThat(text.substring(heading[0], heading[1])).isEqualTo("Heading");
    }
}
