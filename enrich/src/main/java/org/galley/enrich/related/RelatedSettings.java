package org.galley.enrich.related;

/**
 * How many related stories a page gets and which ones may be chosen.
 *
 * @param maxStories   at most this many related stories per page
 * @param includeNewer whether a story may link to stories published after it; off by default (as in Hugo), so a
 *                     correction does not change a page's "read next" links just because newer stories appeared
 */
public record RelatedSettings(int maxStories, boolean includeNewer) {

    public static final RelatedSettings DEFAULTS = new RelatedSettings(3, false);

    public RelatedSettings {
        if (maxStories < 0) {
            throw new IllegalArgumentException("the number of related stories cannot be negative, was " + maxStories);
        }
    }
}
