package org.galley.enrich.text;

/**
 * How many words a reader meets in a text. A word is a run of characters between spaces that holds at least one
 * letter or digit, so "non-exclusive", "2026," and "https://example.com/a" are one word each and a lone dash is
 * none. Chinese, Japanese and Korean are written without spaces between words, so each Han, Hiragana, Katakana or
 * Hangul character is counted on its own, as a character, and read at its own speed (see {@link ReadingTime}).
 *
 * @param words         words in scripts written with spaces
 * @param cjkCharacters Han, Hiragana, Katakana and Hangul characters
 */
public record WordCount(int words, int cjkCharacters) {

    public static final WordCount NONE = new WordCount(0, 0);

    public WordCount {
        if (words < 0 || cjkCharacters < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + words + ", " + cjkCharacters);
        }
    }

    public static WordCount of(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        int words = 0;
        int cjk = 0;
        boolean inToken = false;
        boolean tokenHasLetter = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean cjkCharacter = isCjk(codePoint);
            if (cjkCharacter || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                if (inToken && tokenHasLetter) {
                    words++;
                }
                inToken = false;
                tokenHasLetter = false;
                if (cjkCharacter) {
                    cjk++;
                }
            } else {
                inToken = true;
                tokenHasLetter |= Character.isLetterOrDigit(codePoint);
            }
        }
        if (inToken && tokenHasLetter) {
            words++;
        }
        return new WordCount(words, cjk);
    }

    /** The number a page shows as its word count: words plus CJK characters. */
    public int total() {
        return words + cjkCharacters;
    }

    static boolean isCjk(int codePoint) {
        // The CJK scripts start at U+2E80; below it no character needs the (slower) script lookup.
        if (codePoint < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
