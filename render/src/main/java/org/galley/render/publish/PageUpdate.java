package org.galley.render.publish;

import java.util.Objects;

/**
 * One change to the pages topic: the page now at {@code path}, or, with {@code html} null, its removal (a
 * tombstone), so a cache built from the topic holds exactly the live pages.
 *
 * @param path the page's URL path, such as {@code /ai/some-story/}
 * @param html the complete page, or null when nothing is at {@code path} any more
 */
public record PageUpdate(String path, String html) {

    public PageUpdate {
        Objects.requireNonNull(path, "path");
    }

    public static PageUpdate page(String path, String html) {
        return new PageUpdate(path, Objects.requireNonNull(html, "html"));
    }

    public static PageUpdate removal(String path) {
        return new PageUpdate(path, null);
    }

    public boolean isRemoval() {
        return html == null;
    }
}
