package org.galley.enrich.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentence boundaries in plain text, by the JDK's locale-aware {@link BreakIterator}. A blank line always ends a
 * sentence, so a heading without a full stop is not read as the start of the paragraph under it.
 */
public final class Sentences {

    private Sentences() {
    }

    /** The sentences of a text, stripped, in order. */
    public static List<String> of(String text, Locale locale) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String block : text.split("\\n\\s*\\n")) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
            iterator.setText(block);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                String sentence = block.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    /** The start (inclusive) and end (exclusive) in {@code text} of the sentence holding {@code index}. */
    public static int[] around(String text, int index, Locale locale) {
        int blockStart = text.lastIndexOf(ReadableText.BLOCK_SEPARATOR, index);
        blockStart = blockStart < 0 ? 0 : blockStart + ReadableText.BLOCK_SEPARATOR.length();
        int blockEnd = text.indexOf(ReadableText.BLOCK_SEPARATOR, index);
        blockEnd = blockEnd < 0 ? text.length() : blockEnd;
        String block = text.substring(blockStart, blockEnd);
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(block);
        int offset = Math.min(Math.max(index - blockStart, 0), block.length());
        int start = iterator.isBoundary(offset) ? offset : iterator.preceding(offset);
        int end = offset == block.length() ? offset : iterator.following(offset);
        return new int[] {blockStart + start, blockStart + end};
    }
}
