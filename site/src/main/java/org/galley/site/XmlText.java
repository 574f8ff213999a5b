package org.galley.site;

/**
 * Text as XML 1.0 (and so the feeds, the sitemaps and the listing pages) can carry it: every character it cannot
 * (C0 controls other than tab, newline and carriage return; lone surrogates; the noncharacters U+FDD0 to U+FDEF
 * and U+xFFFE/U+xFFFF on every plane) becomes U+FFFD. Ingest refuses such text, but the site reads whatever is on
 * the topic, and one character a feed writer refuses must not keep a story, or the site, from publishing.
 */
public final class XmlText {

    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** {@code text} with each character XML cannot carry replaced by U+FFFD; null stays null. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (carries(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append(REPLACEMENT);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Whether every character of {@code text} can be carried as it is. */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!carries(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** A code point, as {@link String#codePointAt} gives it (a lone surrogate comes back as itself). */
    static boolean carries(int codePoint) {
        if (codePoint < 0x20) {
            return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
        }
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return false;
        }
        if (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) {
            return false;
        }
        return (codePoint & 0xFFFE) != 0xFFFE;
    }
}
