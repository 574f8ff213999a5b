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
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A story's Markdown body read once, for both of enrich's readers: what a reader reads ({@link ReadableText}:
 * reading time, excerpt) and what a tagger may read ({@link TaggableText}: prose only). One parse and one walk
 * serve both; where the two differ (code, raw HTML, addresses, links and emphasis a tag must not come from), the
 * walk writes the reader's text and leaves a {@link TaggableText#GAP} in the tagger's.
 *
 * @param readable what a reader sees of the body
 * @param taggable the body's prose, as {@link TaggableText#of} describes it
 */
public record BodyText(ReadableText readable, String taggable) {

    // The parser is thread-safe and costly to build, so one serves every story.
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern HTML_IMAGE = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);

    public static BodyText of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new BodyText(new ReadableText("", List.of(), 0), "");
        }
        Walk walk = new Walk();
        PARSER.parse(markdown).accept(walk);
        return new BodyText(new ReadableText(walk.readable.toString().strip(), walk.paragraphs, walk.images),
                walk.taggable.toString().strip());
    }

    private static final class Walk extends AbstractVisitor {

        private final StringBuilder readable = new StringBuilder();
        private final StringBuilder taggable = new StringBuilder();
        private final List<String> paragraphs = new ArrayList<>();
        private int images;
        /** Above zero inside a link or emphasis whose words a tag must not come from: the tagger's text has a gap. */
        private int untaggable;

        @Override
        public void visit(Text node) {
            readable.append(node.getLiteral());
            if (untaggable == 0) {
                taggable.append(TaggableText.withoutUrls(node.getLiteral()));
            }
        }

        @Override
        public void visit(Code node) {
            readable.append(node.getLiteral());
            gap();
        }

        @Override
        public void visit(SoftLineBreak node) {
            readable.append(' ');
            if (untaggable == 0) {
                taggable.append(' ');
            }
        }

        @Override
        public void visit(HardLineBreak node) {
            readable.append('\n');
            if (untaggable == 0) {
                taggable.append('\n');
            }
        }

        @Override
        public void visit(Image node) {
            // The reader sees the picture, not its alt text; the picture is paid for in reading time instead.
            images++;
            gap();
        }

        @Override
        public void visit(HtmlInline node) {
            if (HTML_IMAGE.matcher(node.getLiteral()).find()) {
                images++;
            }
            gap();
        }

        @Override
        public void visit(Link node) {
            untaggableIf(TaggableText.isUnreadableLink(node.getDestination(), literal(node)), node);
        }

        @Override
        public void visit(Emphasis node) {
            untaggableIf(TaggableText.isShout(literal(node)), node);
        }

        @Override
        public void visit(StrongEmphasis node) {
            untaggableIf(TaggableText.isShout(literal(node)), node);
        }

        @Override
        public void visit(HtmlBlock node) {
            images += (int) HTML_IMAGE.matcher(node.getLiteral()).results().count();
            readable.append(HTML_TAG.matcher(node.getLiteral()).replaceAll(" "));
            endBlock();
        }

        @Override
        public void visit(FencedCodeBlock node) {
            readable.append(node.getLiteral());
            endBlock();
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            readable.append(node.getLiteral());
            endBlock();
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            endBlock();
        }

        @Override
        public void visit(Paragraph node) {
            int start = readable.length();
            visitChildren(node);
            if (node.getParent() instanceof Document) {
                String paragraph = readable.substring(start).strip();
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
                readable.append(' ');
                if (untaggable == 0) {
                    taggable.append(TaggableText.GAP);
                }
            }
        }

        /** Visits the node for the reader; the tagger gets its words, or a gap when {@code untaggable}. */
        private void untaggableIf(boolean untaggableWords, Node node) {
            if (!untaggableWords) {
                visitChildren(node);
                return;
            }
            gap();
            untaggable++;
            visitChildren(node);
            untaggable--;
        }

        private void gap() {
            if (untaggable == 0) {
                taggable.append(TaggableText.GAP);
            }
        }

        /** Ends a block in both texts: trailing space dropped, then a blank line unless the text is empty. */
        private void endBlock() {
            endBlock(readable);
            endBlock(taggable);
        }

        private static void endBlock(StringBuilder text) {
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
            if (end > 0) {
                text.append(ReadableText.BLOCK_SEPARATOR);
            }
        }
    }

    /** The plain text under a node: its text and inline code, nothing else. */
    private static String literal(Node node) {
        StringBuilder literal = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                literal.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                literal.append(code.getLiteral());
            }
        });
        return literal.toString();
    }
}
