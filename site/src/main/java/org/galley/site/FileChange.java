package org.galley.site;

/**
 * One change to the site's folder, as {@link SitePlan} decides it and {@link SiteWriter} makes it. Files are named
 * site-relative ({@code ai/story/index.html}, {@code /ai/feed.xml}). A change that a CDN must purge besides the
 * paths an invalidation names carries a {@link Purge}: it is reported when the file's bytes changed or the file
 * existed.
 */
sealed interface FileChange {

    /** Report {@code urlPath} ({@code /ai/page/2/}) with the invalidation path {@code under} ({@code /ai/}). */
    record Purge(String under, String urlPath) {
    }

    /** Replaces the file's content; {@code purge} may be null. */
    record Write(String file, String content, Purge purge) implements FileChange {

        Write(String file, String content) {
            this(file, content, null);
        }
    }

    /** Removes the file if it is there; {@code purge} may be null. */
    record Delete(String file, Purge purge) implements FileChange {

        Delete(String file) {
            this(file, null);
        }
    }

    /**
     * Removes a numbered series of pages ({@code urlTemplate} with {@code {n}} for the number: archive pages,
     * sitemap parts) from {@code from} on: it stops at the first number not below {@code atLeastTo} whose file
     * is not there. So it removes those this run wrote and any an earlier run left after them, which only
     * trying can find. Each removed page is reported under {@code purgeUnder}.
     */
    record Sweep(String urlTemplate, int from, int atLeastTo, String purgeUnder) implements FileChange {

        String urlPath(int number) {
            return urlTemplate.replace("{n}", Integer.toString(number));
        }
    }
}
