package org.galley.render.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a story body written in CommonMark (plus GFM tables, strikethrough and autolinks) into the HTML of
 * the article body. What it returns is safe to place in a page as it is: it has been through
 * {@link HtmlSanitizer}.
 *
 * <p>Headings get ids so each section can be linked to; a level-1 heading becomes level 2, because the
 * page's headline is its only h1; images in the body load lazily; a table column's alignment becomes a
 * class, because the {@code align} attribute is obsolete in HTML5. Thread-safe.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            HeadingAnchorExtension.create());

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer() {
        this(new HtmlSanitizer());
    }

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
        this.parser = Parser.builder().extensions(EXTENSIONS).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> new BodyAttributes())
                .build();
    }

    /** The sanitized HTML of {@code markdown}; an absent body gives an empty string. */
    public String toHtml(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        reparseUnclosedRawText(document);
        document.accept(new NoSecondHeadline());
        return sanitizer.sanitize(renderer.render(document));
    }

    /** A CommonMark HTML block that starts a raw-text element: {@code <script}, {@code <pre}, {@code <style}, {@code <textarea}. */
    private static final Pattern RAW_TEXT_BLOCK_START =
            Pattern.compile("^[ ]{0,3}<(script|pre|style|textarea)(?=[\\s>]|$)[^>\\n]*>?", Pattern.CASE_INSENSITIVE);

    /**
     * CommonMark ends an HTML block that opens {@code <style>} (or script, pre, textarea) only at a line with the
     * end tag, so one that is never closed takes the rest of the story with it as raw HTML. Such a block loses its
     * start tag and what followed it is read as Markdown again. (The sanitizer then keeps any text it still holds:
     * {@link RawTextElements}.)
     */
    private void reparseUnclosedRawText(Node document) {
        List<HtmlBlock> unclosed = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                Matcher start = RAW_TEXT_BLOCK_START.matcher(block.getLiteral());
                if (start.find() && !RawTextElements.closes(block.getLiteral(),
                        start.group(1).toLowerCase(Locale.ROOT), start.end())) {
                    unclosed.add(block);
                }
            }
        });
        for (HtmlBlock block : unclosed) {
            Matcher start = RAW_TEXT_BLOCK_START.matcher(block.getLiteral());
            start.find();
            Node rest = parser.parse(block.getLiteral().substring(start.end()));
            reparseUnclosedRawText(rest);
            for (Node child = rest.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                block.insertBefore(child);
                child = next;
            }
            block.unlink();
        }
    }

    private static final class NoSecondHeadline extends AbstractVisitor {
        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() == 1) {
                heading.setLevel(2);
            }
            visitChildren(heading);
        }
    }

    private static final class BodyAttributes implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Image) {
                // Body images sit below the fold; the hero is the one image worth loading first.
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
            } else if (node instanceof TableCell) {
                String alignment = attributes.remove("align");
                if (alignment != null) {
                    attributes.put("class", "align-" + alignment);
                }
            }
        }
    }
}
