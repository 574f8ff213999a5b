package org.galley.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

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

    // The parser is thread-safe and costly to build, so one serves every story.
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern HTML_IMAGE = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);

    public ReadableText {
        paragraphs = List.copyOf(paragraphs);
    }

    public static ReadableText of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new ReadableText("", List.of(), 0);
        }
        TextCollector collector = new TextCollector();
        PARSER.parse(markdown).accept(collector);
        return new ReadableText(collector.text.toString().strip(), collector.paragraphs, collector.images);
    }

    private static final class TextCollector extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();
        private final List<String> paragraphs = new ArrayList<>();
        private int images;

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(Image node) {
            // The reader sees the picture, not its alt text; the picture is paid for in reading time instead.
            images++;
        }

        @Override
        public void visit(HtmlInline node) {
            if (HTML_IMAGE.matcher(node.getLiteral()).find()) {
                images++;
            }
        }

        @Override
        public void visit(HtmlBlock node) {
            images += (int) HTML_IMAGE.matcher(node.getLiteral()).results().count();
            block(HTML_TAG.matcher(node.getLiteral()).replaceAll(" "));
        }

        @Override
        public void visit(FencedCodeBlock node) {
            block(node.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            block(node.getLiteral());
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            endBlock();
        }

        @Override
        public void visit(Paragraph node) {
            int start = text.length();
            visitChildren(node);
            if (node.getParent() instanceof Document) {
                String paragraph = text.substring(start).strip();
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph);
                }
            }
            endBlock();
        }

        @Override
        public void visit(CustomBlock node) {
            visitChildren(node);
            endBlock();
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
                text.append(' ');
            }
        }

        private void block(String literal) {
            text.append(literal);
            endBlock();
        }

        private void endBlock() {
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
            if (end > 0) {
                text.append(BLOCK_SEPARATOR);
            }
        }
    }
}
