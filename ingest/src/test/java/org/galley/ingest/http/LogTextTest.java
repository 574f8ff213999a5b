package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndOtherControlCharactersCannotForgeLogLines() {
        assertThat(LogText.of("story\n12:00 INFO fake\u0007\ud800")).isEqualTo("story\\u000a12:00 INFO fake\\u0007\\ud800");
    }

    @Test
    void longTextsAreCutAndMissingOnesNamed() {
        assertThat(LogText.of("x".repeat(500))).hasSize(203).endsWith("...");
        assertThat(LogText.of(null)).isEqualTo("(none)");
        assertThat(LogText.of("caf\u00e9 \uD83D\uDCF0")).isEqualTo("caf\u00e9 \\ud83d\\udcf0");
    }
}
