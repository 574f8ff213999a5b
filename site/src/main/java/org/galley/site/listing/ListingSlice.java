package org.galley.site.listing;

import java.util.List;

import org.galley.site.ListedStory;

/**
 * One page of a listing: which page it is, how many the listing has, and its stories, newest first.
 *
 * @param number from 1 (the newest stories, the listing's own {@code index.html})
 * @param count  how many pages the listing has, at least 1
 */
public record ListingSlice(Listing listing, int number, int count, List<ListedStory> stories) {

    public ListingSlice {
        if (number < 1 || number > count) {
            throw new IllegalArgumentException("Page " + number + " of " + count);
        }
        stories = List.copyOf(stories);
    }

    /** Its URL path, e.g. {@code /ai/} or {@code /ai/page/2/}. */
    public String path() {
        return listing.pagePath(number);
    }

    /** The page of newer stories, or null on the first page. */
    public String previousPath() {
        return number > 1 ? listing.pagePath(number - 1) : null;
    }

    /** The page of older stories, or null on the last page. */
    public String nextPath() {
        return number < count ? listing.pagePath(number + 1) : null;
    }
}
