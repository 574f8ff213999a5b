package org.galley.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.function.Consumer;

import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.Sitemap;
import org.galley.site.feeds.SitemapLayout;
import org.galley.site.listing.Listing;
import org.galley.site.listing.Listings;
import org.galley.site.listing.Pagination;

/**
 * Decides {@code sitemap.xml}: every live story (its {@code lastmod} is the story's {@code updatedAt}) and every
 * page of every listing, its own then its archive pages from the oldest (the listing's last change), in one
 * file or, past the limit, as an index of parts laid out by {@link SitemapLayout}. Of a split sitemap it rewrites
 * only the story parts from the one holding the oldest changed story on, the listing parts, and the index;
 * parts no longer needed are removed, also those an earlier run left (swept: {@link FileChange.Sweep}). It
 * remembers the layout and each part's last change once the flush that wrote them is done ({@link #commit}).
 * No I/O: the changes go to the caller's consumer.
 */
final class SitemapPlan {

    private final SiteSettings site;
    private final Pagination pagination;
    private final int limit;
    private final Map<Integer, Instant> partModified = new HashMap<>();
    private SitemapLayout written;

    /** The layout and parts' last changes a flush decided, for {@link #commit} once it is written. */
    record Next(SitemapLayout layout, Map<Integer, Instant> partModified) {
    }

    SitemapPlan(SiteSettings site, Pagination pagination, int limit) {
        this.site = site;
        this.pagination = pagination;
        this.limit = limit;
    }

    /**
     * Decides what {@code changes} altered, into {@code out}; the parts ({@code /sitemap-N.xml}) carry a
     * {@link FileChange.Purge} under {@code /sitemap.xml}, as a CDN must purge them besides it. Returns what to
     * {@link #commit}, or null when nothing changed.
     */
    Next plan(Listings listings, Map<Listing, Listings.Change> changes, Consumer<FileChange> out) {
        if (changes.isEmpty() && written != null) {
            return null;
        }
        Map<Integer, Instant> partModified = new HashMap<>(this.partModified);
        NavigableSet<ListedStory> newestFirst = listings.stories(Listing.HOME);
        int listingPages = 0;
        for (Listing listing : listings.all()) {
            listingPages += 1 + pagination.archivePages(listings.stories(listing).size());
        }
        SitemapLayout layout = new SitemapLayout(newestFirst.size(), listingPages, limit);
        if (!layout.split()) {
            List<Sitemap.Url> urls = storyUrls(newestFirst.descendingIterator(), newestFirst.size());
            urls.addAll(listingUrls(listings));
            out.accept(new FileChange.Write(Sitemap.FILE, Sitemap.urlset(urls)));
        } else {
            Iterator<ListedStory> oldestFirst = newestFirst.descendingIterator();
            int first = firstChangedStoryPart(layout, listings, changes.get(Listing.HOME));
            for (long skip = (long) (first - 1) * limit; skip > 0; skip--) {
                oldestFirst.next();
            }
            for (int part = first; part <= layout.storyParts(); part++) {
                writePart(part, storyUrls(oldestFirst, limit), partModified, out);
            }
            List<Sitemap.Url> listingUrls = listingUrls(listings);
            for (int i = 0; i < layout.listingParts(); i++) {
                writePart(layout.storyParts() + 1 + i,
                        listingUrls.subList(i * limit, Math.min(listingUrls.size(), (i + 1) * limit)), partModified, out);
            }
            List<Sitemap.Url> index = new ArrayList<>();
            for (int part = 1; part <= layout.parts(); part++) {
                index.add(new Sitemap.Url(site.urlOf(Sitemap.part(part)), partModified.get(part)));
            }
            out.accept(new FileChange.Write(Sitemap.FILE, Sitemap.index(index)));
        }
        partModified.keySet().removeIf(part -> part > layout.parts());
        // Parts after the last: those it wrote, and any an earlier run left after them.
        out.accept(new FileChange.Sweep("/sitemap-{n}.xml", layout.parts() + 1,
                (written == null ? 0 : written.parts()) + 1, "/" + Sitemap.FILE));
        return new Next(layout, partModified);
    }

    /** Remembers what a flush wrote. */
    void commit(Next next) {
        if (next != null) {
            written = next.layout();
            partModified.clear();
            partModified.putAll(next.partModified());
        }
    }

    /** Story parts before the one holding the oldest changed story are as they were written (numbers never shift). */
    private int firstChangedStoryPart(SitemapLayout layout, Listings listings, Listings.Change home) {
        if (written == null || !written.split() || (home != null && home.whole())) {
            return 1;
        }
        if (home == null) {
            return layout.storyParts() + 1;
        }
        return layout.storyPartOf(listings.olderThan(Listing.HOME, home.oldest()));
    }

    private static void writePart(int part, List<Sitemap.Url> urls, Map<Integer, Instant> partModified,
                                  Consumer<FileChange> out) {
        partModified.put(part, urls.stream().map(Sitemap.Url::lastModified).max(Instant::compareTo).orElse(null));
        out.accept(new FileChange.Write(Sitemap.part(part), Sitemap.urlset(urls),
                new FileChange.Purge("/" + Sitemap.FILE, "/" + Sitemap.part(part))));
    }

    private List<Sitemap.Url> storyUrls(Iterator<ListedStory> oldestFirst, int most) {
        List<Sitemap.Url> urls = new ArrayList<>();
        while (urls.size() < most && oldestFirst.hasNext()) {
            ListedStory story = oldestFirst.next();
            urls.add(new Sitemap.Url(site.urlOf(story.path()), story.updatedAt()));
        }
        return urls;
    }

    private List<Sitemap.Url> listingUrls(Listings listings) {
        List<Sitemap.Url> urls = new ArrayList<>();
        for (Listing listing : listings.all()) {
            Instant updated = listings.updated(listing);
            urls.add(new Sitemap.Url(site.urlOf(listing.path()), updated));
            int archivePages = pagination.archivePages(listings.stories(listing).size());
            for (int number = 1; number <= archivePages; number++) {
                urls.add(new Sitemap.Url(site.urlOf(listing.archivePath(number)), updated));
            }
        }
        return urls;
    }
}
