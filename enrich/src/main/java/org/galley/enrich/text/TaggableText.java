package org.galley.enrich.text;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
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
 * The words of a story's Markdown body a tagger may read: its prose, without what an editor would never file a story
 * under. Unlike {@link ReadableText} (what a reader reads, code included), it leaves out
 * <ul>
 *   <li>code: fenced and indented code blocks and inline code ("cacheType" is an identifier, not a subject);</li>
 *   <li>raw HTML, blocks and inline tags (a chart's {@code <img src="wordcloud.png">}, a "PNG" download link);</li>
 *   <li>images (alt text and file names) and the text of links to image files ("SVG", "Download chart as PNG");</li>
 *   <li>URLs: a link whose text is its address, an autolink, a bare address in the text (with or without its
 *       scheme: "https://go.dev/doc", "go.dev/doc", but not a bare host name such as "crates.io", which is a name);</li>
 *   <li>emphasis in capitals ("**UPDATE**", "_DOWNGRADED_"): a shout, not a name.</li>
 * </ul>
 * What is left out of a sentence leaves a {@value #GAP} behind, so the words on either side of it never join
 * into a phrase ("the `Command` API" is "the · API", not "the API"). Blocks are separated by a blank line, as in
 * {@link ReadableText}.
 */
public final class TaggableText {

    /** What stands where something was left out of a sentence: no word, no sentence end, but no phrase across it. */
    public static final String GAP = " \u00b7 ";

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.|mailto:)\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
            // an address without its scheme, known by the path after the host: go.dev/doc, pkg.go.dev/vuln
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}/\\S*");
    private static final Pattern IMAGE_FILE = Pattern.compile(
            "(?i)\\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|ico)(?:[?#].*)?$");

    private TaggableText() {
    }

    public static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Collector collector = new Collector();
        PARSER.parse(markdown).accept(collector);
        return collector.text.toString().strip();
    }

    /** A bare URL or e-mail address in running text, replaced by a {@link #GAP}. */
    static String withoutUrls(String text) {
        return mayHoldAddress(text) ? URL.matcher(text).replaceAll(GAP) : text;
    }

    /**
     * Whether the text has what every address {@link #URL} knows has: a '/', an '@', "www." or "mailto:". Most
     * prose has none, and the pattern is costly to try at every letter: it was a quarter of enrich's stream thread
     * in a 2,000-story profile.
     */
    private static boolean mayHoldAddress(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '@'
                    || c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)
                    || c == ':' && i >= 6 && text.regionMatches(true, i - 6, "mailto", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    /** Written in capitals only, with at least two letters: "UPDATE", "NOT AFFECTED". */
    static boolean isShout(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /** A link whose text a tag must not come from: to an image file, or showing an address as its text. */
    static boolean isUnreadableLink(String destination, String text) {
        String shown = text.strip();
        return (destination != null && IMAGE_FILE.matcher(destination).find())
                || shown.equals(destination) || URL.matcher(shown).matches();
    }

    private static final class Collector extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(withoutUrls(node.getLiteral()));
        }

        @Override
        public void visit(Code node) {
            gap();
        }

        @Override
        public void visit(HtmlInline node) {
            gap();
        }

        @Override
        public void visit(Image node) {
            gap();
        }

        @Override
        public void visit(Link node) {
            if (isUnreadableLink(node.getDestination(), literal(node))) {
                gap();
            } else {
                visitChildren(node);
            }
        }

        @Override
        public void visit(Emphasis node) {
            emphasis(node);
        }

        @Override
        public void visit(StrongEmphasis node) {
            emphasis(node);
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
        public void visit(HtmlBlock node) {
            endBlock();
        }

        @Override
        public void visit(FencedCodeBlock node) {
            endBlock();
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            endBlock();
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            endBlock();
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
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
                text.append(GAP);
            }
        }

        private void emphasis(Node node) {
            if (isShout(literal(node))) {
                gap();
            } else {
                visitChildren(node);
            }
        }

        private void gap() {
            text.append(GAP);
        }

        private void endBlock() {
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
