package org.galley.site.invalidation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.galley.events.CacheInvalidation;
import org.galley.site.ListedStory;
import org.galley.site.feeds.NewsSitemap;
import org.galley.site.feeds.Sitemap;
import org.galley.site.listing.Listing;

/**
 * The URL paths a CDN must purge after one change to a story: its page (where it was and where it is now),
 * the home page, every section and tag page it left or joined with their feeds, the site's feeds and both
 * sitemaps. A page or listing the change removed is included, so the CDN stops serving it. Which of a
 * listing's archive pages ({@code /ai/page/2/}) and which sitemap parts ({@code /sitemap-2.xml}) changed is
 * known only once they are written, so those are added then, by {@link #including}.
 */
public final class InvalidationPaths {

    private InvalidationPaths() {
    }

    /**
     * @param before    the story as it was live before the change, or null if it was not live
     * @param after     the story as it is live after the change, or null if the change took it down
     * @param eventPath the path the event names (for an unpublish, the page to remove)
     */
    public static List<String> of(ListedStory before, ListedStory after, String eventPath) {
        Set<String> paths = new LinkedHashSet<>();
        if (before != null) {
            paths.add(before.path());
        }
        if (after != null) {
            paths.add(after.path());
        }
        paths.add(eventPath);
        Set<Listing> listings = new TreeSet<>();
        listings.add(Listing.HOME);
        if (before != null) {
            listings.addAll(Listing.of(before));
        }
        if (after != null) {
            listings.addAll(Listing.of(after));
        }
        for (Listing listing : listings) {
            paths.add(listing.path());
            Listing.FEEDS.forEach(feed -> paths.add(listing.file(feed)));
            if (listing.kind() == Listing.Kind.HOME) {
                paths.add("/" + Sitemap.FILE);
                paths.add("/" + NewsSitemap.FILE);
            }
        }
        return new ArrayList<>(paths);
    }

    /**
     * {@code invalidation} with, after each of its paths, the paths written or removed along with it
     * ({@link org.galley.site.SiteBuilder#flush()}: a listing's archive pages after the listing, the sitemap's
     * parts after {@code /sitemap.xml}).
     */
    public static CacheInvalidation including(CacheInvalidation invalidation, Map<String, List<String>> alsoWritten) {
        if (alsoWritten.isEmpty()) {
            return invalidation;
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String path : invalidation.getPaths()) {
            paths.add(path);
            paths.addAll(alsoWritten.getOrDefault(path, List.of()));
        }
        return CacheInvalidation.newBuilder()
                .setArticleId(invalidation.getArticleId())
                .setRevision(invalidation.getRevision())
                .setAction(invalidation.getAction())
                .setPaths(new ArrayList<>(paths))
                .setOccurredAt(invalidation.getOccurredAt())
                .build();
    }
}
