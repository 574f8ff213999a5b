package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.galley.enrich.SampleStories;
import org.junit.jupiter.api.Test;

class ReadingTimeTest {

    private static final ReadingSettings DEFAULTS = ReadingSettings.DEFAULTS;

    @Test
    void defaultsAre238WordsPerMinute12SecondsPerImageAnd500CjkCharactersPerMinute() {
        assertThat(DEFAULTS).isEqualTo(new ReadingSettings(238, 12, 500));
    }

    @Test
    void aStoryTakesAtLeastOneMinute() {
        assertThat(ReadingTime.minutes(WordCount.NONE, 0, DEFAULTS)).isEqualTo(1);
        assertThat(ReadingTime.minutes(new WordCount(10, 0), 0, DEFAULTS)).isEqualTo(1);
    }

    @Test
    void roundsUpExactly() {
        assertThat(ReadingTime.minutes(new WordCount(238, 0), 0, DEFAULTS)).isEqualTo(1);
        assertThat(ReadingTime.minutes(new WordCount(239, 0), 0, DEFAULTS)).isEqualTo(2);
        assertThat(ReadingTime.minutes(new WordCount(2380, 0), 0, DEFAULTS)).isEqualTo(10);
    }

    @Test
    void eachImageAddsItsSeconds() {
        // 226 words is 0.95 min; one image (0.2 min) tips it over.
        assertThat(ReadingTime.minutes(new WordCount(226, 0), 0, DEFAULTS)).isEqualTo(1);
        assertThat(ReadingTime.minutes(new WordCount(226, 0), 1, DEFAULTS)).isEqualTo(2);
        // Five images alone are exactly one minute.
        assertThat(ReadingTime.minutes(WordCount.NONE, 5, DEFAULTS)).isEqualTo(1);
        assertThat(ReadingTime.minutes(WordCount.NONE, 6, DEFAULTS)).isEqualTo(2);
    }

    @Test
    void cjkCharactersAreReadAtTheirOwnSpeed() {
        assertThat(ReadingTime.minutes(new WordCount(0, 500), 0, DEFAULTS)).isEqualTo(1);
        assertThat(ReadingTime.minutes(new WordCount(0, 501), 0, DEFAULTS)).isEqualTo(2);
        assertThat(ReadingTime.minutes(new WordCount(238, 500), 0, DEFAULTS)).isEqualTo(2);
    }

    @Test
    void speedsAreANewsroomsToChoose() {
        ReadingSettings slow = new ReadingSettings(100, 60, 250);
        assertThat(ReadingTime.minutes(new WordCount(100, 250), 1, slow)).isEqualTo(3);
    }

    @Test
    void refusesSpeedsThatMakeNoSense() {
        assertThatThrownBy(() -> new ReadingSettings(0, 12, 500)).hasMessageContaining("words per minute");
        assertThatThrownBy(() -> new ReadingSettings(238, -1, 500)).hasMessageContaining("seconds per image");
        assertThatThrownBy(() -> new ReadingSettings(238, 12, 0)).hasMessageContaining("CJK");
    }

    /*
     * The reference page shows "7 min read" for this story. Its body is 1,038 words (not the 1,100-1,200 first
     * estimated) plus the hero image: 1,038 / 238 + 12 / 60 = 4.56, so 5 minutes at Brysbaert's 238 wpm. The page's
     * 7 implies a reading speed between about 153 and 178 wpm; the test pins the honest default and shows the
     * setting that reproduces the page.
     */
    @Test
    void theStackDigestSampleIs1038WordsAndReadsInFiveMinutesAt238WordsPerMinute() {
        ReadableText body = ReadableText.of(SampleStories.body(SampleStories.MICROSOFT_OPENAI));
        WordCount count = WordCount.of(body.text());
        int images = body.images() + 1;

        assertThat(count).isEqualTo(new WordCount(1038, 0));
        assertThat(images).isEqualTo(1);
        assertThat(ReadingTime.minutes(count, images, DEFAULTS)).isEqualTo(5);
        assertThat(ReadingTime.minutes(count, images, new ReadingSettings(160, 12, 500))).isEqualTo(7);
    }
}
