package org.galley.enrich.related;

/**
 * How many related stories a page gets and which ones may be chosen.
 *
 * @param maxStories   at most this many related stories per page
 * @param includeNewer whether a story may link to stories published after it; off by default (as in Hugo), so a
 *                     correction does not change a page's "read next" links just because newer stories appeared
 * @param window       how many stories of each of a story's tags it is compared with: the latest this many
 *                     published before it (and, with {@code includeNewer}, the first this many after it), so the
 *                     cost of a choice is bounded by tags times window, not by the size of the archive
 */
public record RelatedSettings(int maxStories, boolean includeNewer, int window) {

    /**
     * The latest 20 of each tag: "read next" links point at recent coverage anyway, and the window sets the cost of
     * a late-arriving story, which re-checks the next {@code window} stories of each of its tags, each over its own
     * windows (so the cost grows with the square of the window: at 50 a replay spent most of enrich's time there).
     */
    public static final int DEFAULT_WINDOW = 20;

    public static final RelatedSettings DEFAULTS = new RelatedSettings(3, false, DEFAULT_WINDOW);

    public RelatedSettings {
        if (maxStories < 0) {
            throw new IllegalArgumentException("the number of related stories cannot be negative, was " + maxStories);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the related-story window must be at least 1, was " + window);
        }
    }
}
