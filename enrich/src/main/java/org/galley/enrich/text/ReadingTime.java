package org.galley.enrich.text;

/**
 * The "N min read" shown under a headline.
 *
 * <pre>
 *   minutes = max(1, ceil(words / wpm + cjkCharacters / cjkCpm + images * secondsPerImage / 60))
 * </pre>
 *
 * <ul>
 *   <li>{@code wpm} defaults to 238 words per minute: the average silent reading rate of adults for English
 *       non-fiction in Brysbaert's meta-analysis of 190 studies (M. Brysbaert, "How many words do we read per
 *       minute? A review and meta-analysis of reading rate", Journal of Memory and Language 109, 2019, 104047).
 *       Most adults fall between 175 and 300.</li>
 *   <li>{@code secondsPerImage} defaults to 12 seconds per image, the hero included: the allowance Medium publishes
 *       for its read time. Medium tapers it (12 s for the first image, one second less for each one after, 3 s from
 *       the tenth on); Galley keeps it flat, which adds a little for picture-heavy stories.</li>
 *   <li>{@code cjkCpm} defaults to 500 characters per minute, the rate Medium's read time uses for Chinese,
 *       Japanese and Korean.</li>
 * </ul>
 *
 * A newsroom sets its own with {@code GALLEY_READING_WPM}, {@code GALLEY_READING_SECONDS_PER_IMAGE} and
 * {@code GALLEY_READING_CJK_CPM}. The sum is computed exactly (in whole fractions, not floating point), so a story
 * of exactly 238 words reads in 1 minute, not 2.
 */
public final class ReadingTime {

    private ReadingTime() {
    }

    public static int minutes(WordCount count, int images, ReadingSettings settings) {
        if (images < 0) {
            throw new IllegalArgumentException("images cannot be negative, was " + images);
        }
        long wpm = settings.wordsPerMinute();
        long cpm = settings.cjkCharactersPerMinute();
        // Everything over the common denominator wpm * cpm * 60, so the ceiling sees the exact sum.
        long denominator = wpm * cpm * 60;
        long numerator = count.words() * cpm * 60
                + count.cjkCharacters() * wpm * 60
                + images * (long) settings.secondsPerImage() * wpm * cpm;
        long minutes = (numerator + denominator - 1) / denominator;
        return (int) Math.max(1, minutes);
    }
}
