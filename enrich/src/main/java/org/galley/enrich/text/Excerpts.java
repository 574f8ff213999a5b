package org.galley.enrich.text;

import java.util.List;
import java.util.Locale;

/**
 * The short text that stands for a story in listings, feeds and link previews: the dek when the story has one,
 * otherwise its opening sentences, whole, up to {@value #MAX_LENGTH} characters. When even the first sentence is
 * longer, it is cut at a word boundary and ends with an ellipsis.
 */
public final class Excerpts {

    public static final int MAX_LENGTH = 200;
    private static final String ELLIPSIS = "\u2026";

    private Excerpts() {
    }

    public static String of(String dek, ReadableText body, Locale locale) {
        if (dek != null && !dek.isBlank()) {
            return dek.strip();
        }
        List<String> sentences = Sentences.of(String.join(ReadableText.BLOCK_SEPARATOR, body.paragraphs()), locale);
        if (sentences.isEmpty()) {
            return "";
        }
        StringBuilder excerpt = new StringBuilder();
        for (String sentence : sentences) {
            int length = excerpt.length() + (excerpt.length() > 0 ? 1 : 0) + sentence.length();
            if (length > MAX_LENGTH) {
                break;
            }
            if (excerpt.length() > 0) {
                excerpt.append(' ');
            }
            excerpt.append(sentence);
        }
        return excerpt.length() > 0 ? excerpt.toString() : cutAtWord(sentences.get(0));
    }

    private static String cutAtWord(String sentence) {
        int limit = MAX_LENGTH - ELLIPSIS.length();
        int boundary = sentence.lastIndexOf(' ', limit);
        String cut = boundary > 0 ? sentence.substring(0, boundary) : sentence.substring(0, limit);
        // "word," or "word -" before the ellipsis reads as a stumble; end on the word itself.
        return cut.replaceAll("[\\s\\p{Punct}\u2013\u2014]+$", "") + ELLIPSIS;
    }
}
