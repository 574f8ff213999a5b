package org.galley.enrich.text;

/**
 * The reading speeds behind "N min read"; see {@link ReadingTime} for the formula and where the defaults come from.
 *
 * @param wordsPerMinute         silent reading speed for words in scripts written with spaces
 * @param secondsPerImage        time a reader spends on each image, the hero included
 * @param cjkCharactersPerMinute reading speed for Chinese, Japanese and Korean, in characters
 */
public record ReadingSettings(int wordsPerMinute, int secondsPerImage, int cjkCharactersPerMinute) {

    /** 238 words per minute (Brysbaert 2019), 12 seconds per image and 500 CJK characters per minute (Medium). */
    public static final ReadingSettings DEFAULTS = new ReadingSettings(238, 12, 500);

    public ReadingSettings {
        if (wordsPerMinute <= 0) {
            throw new IllegalArgumentException("words per minute must be positive, was " + wordsPerMinute);
        }
        if (secondsPerImage < 0) {
            throw new IllegalArgumentException("seconds per image cannot be negative, was " + secondsPerImage);
        }
        if (cjkCharactersPerMinute <= 0) {
            throw new IllegalArgumentException("CJK characters per minute must be positive, was " + cjkCharactersPerMinute);
        }
    }
}
