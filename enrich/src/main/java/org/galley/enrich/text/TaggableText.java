package org.galley.enrich.text;

import java.util.regex.Pattern;

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

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.|mailto:)\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
            // an address without its scheme, known by the path after the host: go.dev/doc, pkg.go.dev/vuln
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}/\\S*");
    private static final Pattern IMAGE_FILE = Pattern.compile(
            "(?i)\\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|ico)(?:[?#].*)?$");

    private TaggableText() {
    }

    /** The body's prose ({@link BodyText} reads it once for reading time and excerpt too). */
    public static String of(String markdown) {
        return BodyText.of(markdown).taggable();
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
}
