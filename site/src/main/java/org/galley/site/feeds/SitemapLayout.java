package org.galley.site.feeds;

/**
 * Which sitemap file holds which address. The site's addresses come in two runs: its stories, oldest first,
 * then its listing pages (home, sections, tags, each its own page then its archive pages 1, 2, ...). Up to
 * {@code limit} addresses in all, they are one {@code sitemap.xml}, stories then listing pages. Past it,
 * {@code sitemap.xml} is an index and each run is cut into files of at most {@code limit}: {@code sitemap-1.xml}
 * to {@code sitemap-k.xml} hold the stories, the files after them the listing pages. Stories are oldest first
 * and no file mixes the two runs, so a new story changes only the last story file, and a story file keeps its
 * number as stories are added.
 *
 * @param stories      how many story addresses
 * @param listingPages how many listing page addresses
 * @param limit        the most addresses one file may hold ({@link Sitemap#MAX_URLS}; tests use fewer)
 */
public record SitemapLayout(int stories, int listingPages, int limit) {

    public SitemapLayout {
        if (limit < 1) {
            throw new IllegalArgumentException("A sitemap must hold at least one address, was " + limit);
        }
    }

    /** Whether {@code sitemap.xml} is an index of parts rather than the addresses themselves. */
    public boolean split() {
        return (long) stories + listingPages > limit;
    }

    public int storyParts() {
        return split() ? partsFor(stories) : 0;
    }

    public int listingParts() {
        return split() ? partsFor(listingPages) : 0;
    }

    /** How many {@code sitemap-N.xml} files; none when not split. */
    public int parts() {
        return storyParts() + listingParts();
    }

    /** The part (from 1) that holds the story at {@code rank} (from 0, the oldest). */
    public int storyPartOf(int rank) {
        return rank / limit + 1;
    }

    private int partsFor(int urls) {
        return (urls + limit - 1) / limit;
    }
}
