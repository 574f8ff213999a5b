package org.galley.render.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw-text elements whose start tag is never closed. In HTML the content of {@code <style>}, {@code <script>},
 * {@code <textarea>} and a few others is not markup but text up to the matching end tag, and an HTML parser
 * that meets one unclosed reads the rest of the document as its content. The sanitizer drops such elements with
 * what they hold, so one stray {@code <style>} in a story (a known filter-evasion vector, or a writer's slip)
 * took everything after it off the page. An unclosed start tag is therefore removed before sanitizing, and what
 * follows it stays ordinary content, sanitized like the rest. Closed elements are left to the sanitizer.
 */
final class RawTextElements {

    /** Every element the HTML standard and the OWASP sanitizer's lexer read as raw or escapable raw text. */
    private static final Pattern START_TAG = Pattern.compile(
            "<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\\s/>]|$)[^>]*>?",
            Pattern.CASE_INSENSITIVE);

    private RawTextElements() {
    }

    /** {@code html} without the start tags of raw-text elements that have no end tag after them. */
    static String withoutUnclosed(String html) {
        Matcher start = START_TAG.matcher(html);
        StringBuilder kept = null;
        int copied = 0;
        while (start.find()) {
            // plaintext has no end tag at all: it always swallows the rest.
            String name = start.group(1).toLowerCase(Locale.ROOT);
            boolean closed = !name.equals("plaintext") && closes(html, name, start.end());
            if (closed) {
                continue;
            }
            if (kept == null) {
                kept = new StringBuilder(html.length());
            }
            kept.append(html, copied, start.start());
            copied = start.end();
        }
        if (kept == null) {
            return html;
        }
        return kept.append(html, copied, html.length()).toString();
    }

    /** Whether {@code </name} appears in {@code html} at or after {@code from}, in any letter case. */
    static boolean closes(String html, String name, int from) {
        String endTag = "</" + name;
        for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
            if (html.regionMatches(true, at, endTag, 0, endTag.length())) {
                int after = at + endTag.length();
                if (after == html.length() || !Character.isLetterOrDigit(html.charAt(after))) {
                    return true;
                }
            }
        }
        return false;
    }
}
