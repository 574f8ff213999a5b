package org.galley.site;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Preview pages, as render writes them to {@code articles.previews}: the key is the page's path
 * {@code /preview/<token>/}, the token a secret of 16 to 128 characters from {@code [A-Za-z0-9_-]}; the value is
 * the complete page, or null once the preview is withdrawn. The site writes a page to
 * {@code preview/<token>/index.html} exactly as it came, and nothing else of it: a preview is listed nowhere (no
 * listing, feed, sitemap, invalidation or log), so only who holds its address finds it. Pure: the change goes
 * to the caller.
 */
final class Previews {

    /** The folder every preview is below; robots.txt keeps crawlers out of it and no story may live in it. */
    static final String FOLDER = "/preview/";

    /** Exactly one folder of an unguessable token below {@link #FOLDER}: no other path, no way out of it. */
    private static final Pattern PATH = Pattern.compile("/preview/[A-Za-z0-9_-]{16,128}/");

    private Previews() {
    }

    /**
     * Writes the page, or removes it for a tombstone ({@code html} null).
     *
     * @throws IllegalArgumentException if {@code path} is not a preview's path
     */
    static FileChange change(String path, String html) {
        String file = fileOf(path);
        return html == null ? new FileChange.Delete(file) : new FileChange.Write(file, html);
    }

    /** {@code preview/<token>/index.html} for {@code /preview/<token>/}. */
    static String fileOf(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("A preview's path must be /preview/<token>/ with a token of 16 to 128"
                    + " letters, digits, '-' or '_', was " + quoted(path));
        }
        return SitePaths.fileOf(path);
    }

    /**
     * Whether a URL path is a preview's or below the previews' folder (no story may be there), in any case: on a
     * case-insensitive file system {@code /Preview/} is the same folder.
     */
    static boolean isPreview(String urlPath) {
        String path = urlPath == null ? "" : urlPath.toLowerCase(Locale.ROOT);
        return path.startsWith(FOLDER) || path.equals("/preview");
    }

    /** The refused path for a log line, cut short: it may be anything a producer put there. */
    private static String quoted(String path) {
        if (path == null) {
            return "none";
        }
        String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
