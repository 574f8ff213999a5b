package org.galley.site;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.function.Consumer;

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
 * Decides the files of one changed listing: the pages {@link Pagination#changedPages} says the change altered
 * (its own page of newest stories, the archive pages from the first altered one), its three feeds, and the
 * removal of archive pages it no longer has; a section or tag left with no story loses every file. Its work
 * grows with the pages changed, not with the listing: a new story rewrites the listing's own page and, once
 * every page size, one new archive page and the one before it. It remembers only how many stories each
 * listing's pages showed, once the flush that wrote them is done ({@link #commit}); pages after the last that
 * an earlier run left in the folder (the site restarted after its listings shrank) are swept
 * ({@link FileChange.Sweep}). No I/O: the changes go to the caller's consumer.
 */
final class ListingPlan {

    private final SiteSettings site;
    private final ListingPages pages;
    private final Pagination pagination;
    private final Map<Listing, Integer> storiesWritten = new HashMap<>();

    ListingPlan(SiteSettings site, Pagination pagination) {
        this.site = site;
        this.pages = new ListingPages(site);
        this.pagination = pagination;
    }

    /**
     * Decides {@code listing}'s files after {@code change}, into {@code out}; its archive pages carry a
     * {@link FileChange.Purge} under the listing's path, as a CDN must purge them besides the listing's own.
     * Returns how many stories the listing's pages show now, null when it has no files left, for {@link #commit}.
     */
    Integer plan(Listing listing, Listings.Change change, Listings listings, Consumer<FileChange> out) {
        NavigableSet<ListedStory> stories = listings.stories(listing);
        Integer before = storiesWritten.get(listing);
        if (stories.isEmpty() && listing.kind() != Listing.Kind.HOME) {
            out.accept(new FileChange.Delete(SitePaths.fileOf(listing.path())));
            removeArchivePages(listing, 1, before == null ? 0 : pagination.archivePages(before), before == null, out);
            Listing.FEEDS.forEach(feed -> out.accept(new FileChange.Delete(listing.file(feed))));
            return null;
        }
        Pagination.PageChanges changed = pagination.changedPages(before == null ? Pagination.NOT_WRITTEN : before,
                stories.size(), Pagination.Touched.of(listings, listing, change));
        if (changed.ownPage()) {
            ListingSlice own = pagination.newest(listing, stories);
            out.accept(new FileChange.Write(SitePaths.fileOf(own.path()), pages.render(own)));
        }
        for (ListingSlice slice : pagination.archive(listing, stories, changed.first(), changed.last())) {
            out.accept(new FileChange.Write(SitePaths.fileOf(slice.path()), pages.render(slice),
                    new FileChange.Purge(listing.path(), slice.path())));
        }
        if (before == null || changed.archivePages() < changed.archivePagesBefore()) {
            removeArchivePages(listing, changed.archivePages() + 1, changed.archivePagesBefore(), before == null, out);
        }
        FeedContent feed = FeedContent.of(site, listing, stories, listings.updated(listing));
        out.accept(new FileChange.Write(listing.file(Listing.RSS), RssFeed.render(feed)));
        out.accept(new FileChange.Write(listing.file(Listing.ATOM), AtomFeed.render(feed)));
        out.accept(new FileChange.Write(listing.file(Listing.JSON_FEED), JsonFeed.render(feed)));
        return stories.size();
    }

    /** Remembers how many stories each listing's pages show, once the flush that wrote them is done (null: none). */
    void commit(Map<Listing, Integer> written) {
        written.forEach((listing, stories) -> {
            if (stories == null) {
                storiesWritten.remove(listing);
            } else {
                storiesWritten.put(listing, stories);
            }
        });
    }

    /**
     * Removes its archive pages from {@code from} on: those it wrote, up to {@code written}, and, when
     * {@code searching} (nothing written yet in this run), any an earlier run left after them. Page 1 missing
     * does not end the search: before archive pages counted from the oldest, a listing's pages began at 2.
     */
    private static void removeArchivePages(Listing listing, int from, int written, boolean searching,
                                           Consumer<FileChange> out) {
        out.accept(new FileChange.Sweep(listing.path() + "page/{n}/", from,
                searching ? Math.max(written, 2) : written, listing.path()));
    }
}
