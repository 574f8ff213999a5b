package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordCountTest {

    @Test
    void countsRunsBetweenSpacesThatHoldALetterOrDigit() {
        assertThat(WordCount.of("On April 27, 2026, both companies published near-identical statements."))
                .isEqualTo(new WordCount(9, 0));
    }

    @Test
    void punctuationStandingAloneIsNotAWord() {
        assertThat(WordCount.of("Yes \u2014 but not in the tabloid sense ... | --- |").words()).isEqualTo(7);
    }

    @Test
    void aUrlIsOneWord() {
        assertThat(WordCount.of("see https://example.com/a/b?c=d now").words()).isEqualTo(3);
    }

    @Test
    void countsEachChineseJapaneseAndKoreanCharacterOnItsOwn() {
        assertThat(WordCount.of("人工智能")).isEqualTo(new WordCount(0, 4));
        assertThat(WordCount.of("ひらがなカタカナ漢字")).isEqualTo(new WordCount(0, 10));
        assertThat(WordCount.of("한국어 문장")).isEqualTo(new WordCount(0, 5));
    }

    @Test
    void cjkPunctuationIsNeitherWordNorCharacter() {
        assertThat(WordCount.of("你好。世界！")).isEqualTo(new WordCount(0, 4));
    }

    @Test
    void mixedScriptsCountWordsAndCharactersSeparately() {
        WordCount count = WordCount.of("Claude是一个AI助手 made by Anthropic");
        assertThat(count).isEqualTo(new WordCount(5, 5));
        assertThat(count.total()).isEqualTo(10);
    }

    @Test
    void nothingToCountIsZero() {
        assertThat(WordCount.of("")).isEqualTo(WordCount.NONE);
        assertThat(WordCount.of(null)).isEqualTo(WordCount.NONE);
        assertThat(WordCount.of(" \n\t ")).isEqualTo(WordCount.NONE);
    }
}
