package org.galley.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.AtomFeed;
import org.galley.site.feeds.FeedContent;
import org.galley.site.feeds.JsonFeed;
import org.galley.site.feeds.RssFeed;
import org.galley.site.listing.Listing;
import org.galley.site.listing.ListingSlice;
import org.galley.site.listing.Listings;
import org.galley.site.listing.Pagination;
import org.galley.site.pages.ListingPages;

/**
 * Writes one changed listing: its pages from the first one the change can have altered to the last, its
 * three feeds, and the removal of pages it no longer has; a section or tag left with no story loses every
 * file. It remembers only how many pages it wrote per listing; pages after those that an earlier run left
 * in the folder (the site restarted after its listings shrank) are found by trying to delete them.
 */
final class ListingWriter {

    private final SiteSettings site;
    private final ListingPages pages;
    private final Pagination pagination;
    private final WrittenFiles files;
    private final Map<Listing, Integer> pagesWritten = new HashMap<>();

    ListingWriter(SiteSettings site, Pagination pagination, WrittenFiles files) {
        this.site = site;
        this.pages = new ListingPages(site);
        this.pagination = pagination;
        this.files = files;
    }

    /**
     * Writes {@code listing} after {@code change}; returns the URL paths of its older pages ({@code page/2/} on)
     * that were written or removed, which a CDN must purge besides the listing's own.
     */
    List<String> write(Listing listing, Listings.Change change, Listings listings) {
        NavigableSet<ListedStory> stories = listings.stories(listing);
        int before = pagesWritten.getOrDefault(listing, 0);
        List<String> olderPages = new ArrayList<>();
        if (stories.isEmpty() && listing.kind() != Listing.Kind.HOME) {
            removePages(listing, 1, before, olderPages);
            Listing.FEEDS.forEach(feed -> files.delete(listing.file(feed)));
            pagesWritten.remove(listing);
            return olderPages;
        }
        ListedStory newest = stories.isEmpty() ? null : stories.first();
        for (ListingSlice slice : pagination.pagesFrom(listing, stories, pagination.firstChangedPage(stories, change, before))) {
            if (files.write(SitePaths.fileOf(slice.path()), pages.render(slice, newest)) && slice.number() > 1) {
                olderPages.add(slice.path());
            }
        }
        int count = pagination.pageCount(stories.size());
        removePages(listing, count + 1, before, olderPages);
        pagesWritten.put(listing, count);
        FeedContent feed = FeedContent.of(site, listing, stories, listings.updated(listing));
        files.write(listing.file(Listing.RSS), RssFeed.render(feed));
        files.write(listing.file(Listing.ATOM), AtomFeed.render(feed));
        files.write(listing.file(Listing.JSON_FEED), JsonFeed.render(feed));
        return olderPages;
    }

    /** Deletes its pages from {@code from} on: those it wrote, up to {@code written}, and any found after them. */
    private void removePages(Listing listing, int from, int written, List<String> olderPages) {
        for (int number = from; ; number++) {
            boolean existed = files.delete(SitePaths.fileOf(listing.pagePath(number)));
            if (existed && number > 1) {
                olderPages.add(listing.pagePath(number));
            }
            if (!existed && number > written) {
                return;
            }
        }
    }
}
