package org.galley.render.markdown;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list every story body passes through before it reaches a page. Newsroom Markdown may carry raw
 * HTML, and a page is only as safe as its least careful writer or compromised tool, so nothing is trusted
 * because it came out of the Markdown renderer: only the elements and attributes a story body needs survive.
 *
 * <p>Removed: scripts (with their content), styles, event handlers, iframes, forms, objects, embeds, base,
 * svg and math, and any URL that is not http(s), mailto (links only) or site-relative, so no
 * {@code javascript:} or {@code data:}. Kept: text, headings with their ids, lists, quotes, code blocks with
 * their {@code language-*} class, tables with their alignment class, figures, links, images (always with a
 * usable address and alt text), and what an embed's noscript offered readers without scripts. A raw-text
 * element left open (a stray {@code <style>}) loses its start tag, not the rest of the story ({@link RawTextElements}).
 */
public final class HtmlSanitizer {

    // Marks included: an Arabic or Hindi heading's id keeps its vowel signs.
    private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]{1,200}");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern CELL_ALIGNMENT = Pattern.compile("align-(?:left|center|right)");
    private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,5}");
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern NOSCRIPT_TAG = Pattern.compile("(?i)</?noscript\\b[^>]*>");
    private static final String EMPTY_PARAGRAPH = "<p></p>";

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                    "dl", "dt", "dd", "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s",
                    "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "span", "a", "img",
                    "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
            .allowAttributes("id").matching(HEADING_ID).onElements("h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowAttributes("class").matching(CELL_ALIGNMENT).onElements("th", "td")
            .allowAttributes("href").onElements("a")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("title").onElements("a", "img", "abbr")
            .allowAttributes("src").matching(HtmlSanitizer::httpOrRelativeUrl).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(DIMENSION).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
            .allowAttributes("decoding").matching(Pattern.compile("async|sync|auto")).onElements("img")
            .allowAttributes("start").matching(DIMENSION).onElements("ol")
            .allowUrlProtocols("http", "https", "mailto")
            .allowElements(HtmlSanitizer::completeImage, "img")
            .toFactory();

    /** Returns {@code html} with everything outside the allow-list removed; text content is kept. */
    public String sanitize(String html) {
        if (html == null) {
            return "";
        }
        // A page runs no scripts, so what an embed offers readers without them (a chart's static image or its
        // figures in words) is the content: the noscript tags go and what they held is sanitized like the rest.
        // Browsers would hide noscript content whenever scripting is on, even with every script blocked.
        Matcher noscript = NOSCRIPT_TAG.matcher(html);
        String withoutNoscript = noscript.find() ? noscript.replaceAll("") : html;
        String clean = POLICY.sanitize(RawTextElements.withoutUnclosed(withoutNoscript));
        // The sanitizer closes void elements XML-style ("<br />"), which HTML ignores and checkers warn about.
        // Its output encodes every '<' and '>' inside text and attribute values, so " />" only ends a tag.
        clean = clean.replace(" />", ">");
        // A paragraph that held only an object or an svg is left empty.
        return clean.contains(EMPTY_PARAGRAPH) ? clean.replace(EMPTY_PARAGRAPH, "") : clean;
    }

    /**
     * An image whose address was removed (a {@code data:} or script URL) has nothing to show and goes; one
     * without alt text gets an empty one, marking it decorative, because nothing is known of what it shows.
     */
    private static String completeImage(String element, List<String> attributes) {
        boolean hasSrc = false;
        boolean hasAlt = false;
        // Names and values alternate.
        for (int i = 0; i < attributes.size(); i += 2) {
            hasSrc |= attributes.get(i).equals("src");
            hasAlt |= attributes.get(i).equals("alt");
        }
        if (!hasSrc) {
            return null;
        }
        if (!hasAlt) {
            attributes.add("alt");
            attributes.add("");
        }
        return element;
    }

    private static String httpOrRelativeUrl(String element, String attribute, String value) {
        Matcher scheme = URL_SCHEME.matcher(value.strip());
        if (!scheme.find()) {
            return value;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https") ? value : null;
    }
}
