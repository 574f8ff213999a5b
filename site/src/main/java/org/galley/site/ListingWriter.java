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
 * Writes one changed listing: the pages {@link Pagination#changedPages} says the change altered (its own page
 * of newest stories, the archive pages from the first altered one), its three feeds, and the removal of
 * archive pages it no longer has; a section or tag left with no story loses every file. Its work grows with
 * the pages written, not with the listing: a new story writes the listing's own page and, once every page
 * size, one new archive page and the one before it. It remembers only how many stories each listing's pages
 * showed; pages after the last that an earlier run left in the folder (the site restarted after its listings
 * shrank) are found by trying to delete them.
 */
final class ListingWriter {

    private final SiteSettings site;
    private final ListingPages pages;
    private final Pagination pagination;
    private final WrittenFiles files;
    private final Map<Listing, Integer> storiesWritten = new HashMap<>();

    ListingWriter(SiteSettings site, Pagination pagination, WrittenFiles files) {
        this.site = site;
        this.pages = new ListingPages(site);
        this.pagination = pagination;
        this.files = files;
    }

    /**
     * Writes {@code listing} after {@code change}; returns the URL paths of its archive pages that were written
     * (their bytes changed) or removed, which a CDN must purge besides the listing's own.
     */
    List<String> write(Listing listing, Listings.Change change, Listings listings) {
        NavigableSet<ListedStory> stories = listings.stories(listing);
        Integer before = storiesWritten.get(listing);
        List<String> archivePages = new ArrayList<>();
        if (stories.isEmpty() && listing.kind() != Listing.Kind.HOME) {
            files.delete(SitePaths.fileOf(listing.path()));
            removeArchivePages(listing, 1, before == null ? 0 : pagination.archivePages(before), before == null, archivePages);
            Listing.FEEDS.forEach(feed -> files.delete(listing.file(feed)));
            storiesWritten.remove(listing);
            return archivePages;
        }
        Pagination.PageChanges changed = pagination.changedPages(before == null ? Pagination.NOT_WRITTEN : before,
                stories.size(), Pagination.Touched.of(listings, listing, change));
        if (changed.ownPage()) {
            ListingSlice own = pagination.newest(listing, stories);
            files.write(SitePaths.fileOf(own.path()), pages.render(own));
        }
        for (ListingSlice slice : pagination.archive(listing, stories, changed.first(), changed.last())) {
            if (files.write(SitePaths.fileOf(slice.path()), pages.render(slice))) {
                archivePages.add(slice.path());
            }
        }
        if (before == null || changed.archivePages() < changed.archivePagesBefore()) {
            removeArchivePages(listing, changed.archivePages() + 1, changed.archivePagesBefore(), before == null, archivePages);
        }
        storiesWritten.put(listing, stories.size());
        FeedContent feed = FeedContent.of(site, listing, stories, listings.updated(listing));
        files.write(listing.file(Listing.RSS), RssFeed.render(feed));
        files.write(listing.file(Listing.ATOM), AtomFeed.render(feed));
        files.write(listing.file(Listing.JSON_FEED), JsonFeed.render(feed));
        return archivePages;
    }

    /**
     * Deletes its archive pages from {@code from} on: those it wrote, up to {@code written}, and, when
     * {@code searching} (nothing written yet in this run), any an earlier run left after them. Page 1 missing
     * does not end the search: before archive pages counted from the oldest, a listing's pages began at 2.
     */
    private void removeArchivePages(Listing listing, int from, int written, boolean searching, List<String> removed) {
        for (int number = from; ; number++) {
            boolean existed = files.delete(SitePaths.fileOf(listing.archivePath(number)));
            if (existed) {
                removed.add(listing.archivePath(number));
            }
            if (!existed && number >= written && (!searching || number > 1)) {
                return;
            }
        }
    }
}
