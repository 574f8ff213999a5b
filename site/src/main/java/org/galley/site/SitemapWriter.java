package org.galley.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.Sitemap;
import org.galley.site.feeds.SitemapLayout;
import org.galley.site.listing.Listing;
import org.galley.site.listing.Listings;
import org.galley.site.listing.Pagination;

/**
 * Writes {@code sitemap.xml}: every live story (its {@code lastmod} is the story's {@code updatedAt}) and every
 * page of every listing, its own then its archive pages from the oldest (the listing's last change), in one
 * file or, past the limit, as an index of parts laid out by {@link SitemapLayout}. Of a split sitemap it writes
 * only the story parts from the one holding the oldest changed story on, the listing parts, and the index;
 * parts no longer needed are removed, also those an earlier run left (found by trying to delete them).
 */
final class SitemapWriter {

    private final SiteSettings site;
    private final Pagination pagination;
    private final WrittenFiles files;
    private final int limit;
    private final Map<Integer, Instant> partModified = new HashMap<>();
    private SitemapLayout written;

    SitemapWriter(SiteSettings site, Pagination pagination, WrittenFiles files, int limit) {
        this.site = site;
        this.pagination = pagination;
        this.files = files;
        this.limit = limit;
    }

    /**
     * Writes what {@code changes} altered; returns the URL paths of the parts ({@code /sitemap-N.xml}) written
     * or removed, which a CDN must purge besides {@code /sitemap.xml}.
     */
    List<String> write(Listings listings, Map<Listing, Listings.Change> changes) {
        if (changes.isEmpty() && written != null) {
            return List.of();
        }
        NavigableSet<ListedStory> newestFirst = listings.stories(Listing.HOME);
        int listingPages = 0;
        for (Listing listing : listings.all()) {
            listingPages += 1 + pagination.archivePages(listings.stories(listing).size());
        }
        SitemapLayout layout = new SitemapLayout(newestFirst.size(), listingPages, limit);
        List<String> parts = new ArrayList<>();
        if (!layout.split()) {
            List<Sitemap.Url> urls = storyUrls(newestFirst.descendingIterator(), newestFirst.size());
            urls.addAll(listingUrls(listings));
            files.write(Sitemap.FILE, Sitemap.urlset(urls));
        } else {
            Iterator<ListedStory> oldestFirst = newestFirst.descendingIterator();
            int first = firstChangedStoryPart(layout, listings, changes.get(Listing.HOME));
            for (long skip = (long) (first - 1) * limit; skip > 0; skip--) {
                oldestFirst.next();
            }
            for (int part = first; part <= layout.storyParts(); part++) {
                writePart(part, storyUrls(oldestFirst, limit), parts);
            }
            List<Sitemap.Url> listingUrls = listingUrls(listings);
            for (int i = 0; i < layout.listingParts(); i++) {
                writePart(layout.storyParts() + 1 + i,
                        listingUrls.subList(i * limit, Math.min(listingUrls.size(), (i + 1) * limit)), parts);
            }
            List<Sitemap.Url> index = new ArrayList<>();
            for (int part = 1; part <= layout.parts(); part++) {
                index.add(new Sitemap.Url(site.urlOf(Sitemap.part(part)), partModified.get(part)));
            }
            files.write(Sitemap.FILE, Sitemap.index(index));
        }
        removePartsAfter(layout.parts(), written == null ? 0 : written.parts(), parts);
        written = layout;
        return parts;
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

    /** Deletes the parts after {@code last}: those it wrote, up to {@code written}, and any an earlier run left after them. */
    private void removePartsAfter(int last, int written, List<String> parts) {
        for (int part = last + 1; ; part++) {
            partModified.remove(part);
            boolean existed = files.delete(Sitemap.part(part));
            if (existed) {
                parts.add("/" + Sitemap.part(part));
            }
            if (!existed && part > written) {
                return;
            }
        }
    }

    private void writePart(int part, List<Sitemap.Url> urls, List<String> parts) {
        partModified.put(part, urls.stream().map(Sitemap.Url::lastModified).max(Instant::compareTo).orElse(null));
        if (files.write(Sitemap.part(part), Sitemap.urlset(urls))) {
            parts.add("/" + Sitemap.part(part));
        }
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
