package org.galley.bench.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.galley.enrich.text.WordCount;

/**
 * A story's Markdown body as its blocks (paragraphs, headings, lists, fenced code kept whole even when it holds
 * blank lines), so the corpus can make a copy of any length from it: blocks are taken in order, from the start
 * again when they run out, until the copy has the words asked for. Words are counted as enrich counts them
 * (a CJK character is a word), so "3,600 words" means the same on the page.
 */
final class StoryBody {

    private final List<String> blocks;
    private final int[] words;

    private StoryBody(List<String> blocks) {
        this.blocks = List.copyOf(blocks);
        this.words = blocks.stream().mapToInt(block -> WordCount.of(block).total()).toArray();
    }

    static StoryBody of(String markdown) {
        List<String> blocks = blocks(markdown);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("A sample story needs a body");
        }
        return new StoryBody(blocks);
    }

    /** The body's words, counted the way enrich counts them. */
    int words() {
        int total = 0;
        for (int count : words) {
            total += count;
        }
        return total;
    }

    /**
     * A body of about {@code target} words: whole blocks in order, repeated from the start when needed, stopping
     * at the first block that reaches the target (so it may overshoot by less than one block). Never empty.
     */
    String withWords(int target) {
        List<String> taken = new ArrayList<>();
        int total = 0;
        for (int i = 0; taken.isEmpty() || total < target; i++) {
            int block = i % blocks.size();
            taken.add(blocks.get(block));
            total += words[block];
            if (i >= blocks.size() && total == 0) {
                break;
            }
        }
        return String.join("\n\n", taken) + "\n";
    }

    /** The Markdown split at blank lines, except inside a fenced code block. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("\r?\n", -1)) {
            String stripped = line.strip();
            if (fence == null && stripped.isEmpty()) {
                flush(block, blocks);
                continue;
            }
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, fenceLength(stripped));
            } else if (fence != null && stripped.startsWith(fence) && stripped.substring(fenceLength(stripped)).isBlank()) {
                fence = null;
            }
            if (block.length() > 0) {
                block.append('\n');
            }
            block.append(line);
        }
        flush(block, blocks);
        return blocks;
    }

    private static int fenceLength(String line) {
        char mark = line.charAt(0);
        int length = 0;
        while (length < line.length() && line.charAt(length) == mark) {
            length++;
        }
        return length;
    }

    private static void flush(StringBuilder block, List<String> blocks) {
        if (!block.toString().isBlank()) {
            blocks.add(block.toString());
        }
        block.setLength(0);
    }
}
