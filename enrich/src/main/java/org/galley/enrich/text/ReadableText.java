package org.galley.enrich.text;

import java.util.List;

/**
 * What a reader sees of a story's Markdown body: the words without the syntax around them (no link URLs, no
 * image syntax, no emphasis markers, no heading hashes; code stays, since readers read it), the top-level
 * paragraphs in order (for the excerpt), and how many images the body shows.
 *
 * <p>Blocks are separated by a blank line in {@link #text()}, so sentence and word finders never join the last
 * word of a heading to the first of the next paragraph.
 *
 * @param text       the body as plain text
 * @param paragraphs the body's top-level paragraphs as plain text, in order (no headings, lists, code or tables)
 * @param images     images in the body, Markdown or HTML
 */
public record ReadableText(String text, List<String> paragraphs, int images) {

    /** The separator between blocks in {@link #text()}. */
    public static final String BLOCK_SEPARATOR = "\n\n";

    public ReadableText {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The body as a reader sees it ({@link BodyText} reads it once for the tagger too). */
    public static ReadableText of(String markdown) {
        return BodyText.of(markdown).readable();
    }
}
