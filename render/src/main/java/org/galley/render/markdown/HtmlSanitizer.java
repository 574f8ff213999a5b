package org.galley.render.markdown;

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
 * and any URL that is not http(s), mailto (links only) or site-relative, so no {@code javascript:} or
 * {@code data:}. Kept: text, headings with their ids, lists, quotes, code blocks with their
 * {@code language-*} class, tables with their alignment class, figures, links and images.
 */
public final class HtmlSanitizer {

    private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{N}_-]{1,200}");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern CELL_ALIGNMENT = Pattern.compile("align-(?:left|center|right)");
    private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,5}");
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

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
            .toFactory();

    /** Returns {@code html} with everything outside the allow-list removed; text content is kept. */
    public String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
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
