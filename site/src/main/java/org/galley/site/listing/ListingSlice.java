package org.galley.site.listing;

import java.util.List;

import org.galley.site.ListedStory;

/**
 * One page of a listing and its stories, newest first: the listing's own page ({@code number} 0, its newest
 * stories) or one of its archive pages ({@code number} from 1, the oldest; see {@link Pagination}).
 *
 * @param archivePages how many archive pages the listing has; an archive page uses it only to tell whether it
 *                     is the newest one (whose "newer" link leads to the listing's own page), so its bytes do
 *                     not change as further pages are added after the next one
 */
public record ListingSlice(Listing listing, int number, int archivePages, List<ListedStory> stories) {

    public ListingSlice {
        if (number < 0 || number > archivePages) {
            throw new IllegalArgumentException("Page " + number + " of a listing with " + archivePages + " archive pages");
        }
        stories = List.copyOf(stories);
    }

    /** The listing's own page, its newest stories. */
    public static ListingSlice newest(Listing listing, int archivePages, List<ListedStory> stories) {
        return new ListingSlice(listing, 0, archivePages, stories);
    }

    /** Whether it is one of the archive pages rather than the listing's own page. */
    public boolean archive() {
        return number > 0;
    }

    /** Its URL path, e.g. {@code /ai/} or {@code /ai/page/2/}. */
    public String path() {
        return archive() ? listing.archivePath(number) : listing.path();
    }

    /** The page of newer stories: the next archive page, or the listing's own after the last; null on that one. */
    public String newerPath() {
        if (!archive()) {
            return null;
        }
        return number < archivePages ? listing.archivePath(number + 1) : listing.path();
    }

    /**
     * The page of older stories: from the listing's own page the newest archive page, from an archive page the
     * one before it; null on the oldest.
     */
    public String olderPath() {
        if (!archive()) {
            return archivePages > 0 ? listing.archivePath(archivePages) : null;
        }
        return number > 1 ? listing.archivePath(number - 1) : null;
    }
}
