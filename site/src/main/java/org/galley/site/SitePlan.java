package org.galley.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.NewsSitemap;
import org.galley.site.invalidation.InvalidationPaths;
import org.galley.site.listing.Listing;
import org.galley.site.listing.Listings;
import org.galley.site.listing.Pagination;
import org.galley.site.pages.SiteIcon;

/**
 * The site's pure part: holds the live stories and what the last flush wrote of them, and decides, for each
 * event and each flush, which files change ({@link FileChange}): a story's page as its event is applied; at a
 * flush, the pages of the changed listings that the changes altered and their feeds ({@link ListingPlan}), the
 * sitemaps ({@link SitemapPlan}) and the news sitemap (also when a story has aged out of its two-day window).
 * No I/O: the changes go to the caller's consumer, which makes them ({@link SiteWriter}) or, in a test, keeps
 * them.
 *
 * <p>Each step changes the state only once the consumer has taken every change it decided: an event whose page
 * cannot be written changes nothing else, and a flush that fails leaves everything to decide again at the next.
 */
final class SitePlan {

    private static final Pattern LISTING_PAGE = Pattern.compile("/(?:tags/)?(?:[^/]+/)?page/[0-9]+/");

    /** What applying a story's event decided: its page file, the story as it is live now (null once down). */
    record StoryChange(String file, ListedStory after, CacheInvalidation invalidation) {
    }

    /** A story a failed flush could not write even alone, and why. */
    record Unwritable(ListedStory story, String problem) {
    }

    private final SiteSettings site;
    private final Pagination pagination;
    private final int sitemapLimit;
    private final StoryProbe probe;
    private Listings listings;
    private ListingPlan listingPlan;
    private SitemapPlan sitemapPlan;
    private boolean newsSitemapIsStale;
    private Instant newsSitemapExpiry;
    /** The stories published since the last flush: those a failed flush may have to take out. */
    private final Set<String> publishedSinceFlush = new LinkedHashSet<>();

    /**
     * @param pageSize     stories on each listing page
     * @param sitemapLimit the most addresses in one sitemap file; past it {@code sitemap.xml} becomes an index
     */
    SitePlan(SiteSettings site, int pageSize, int sitemapLimit) {
        this.site = site;
        this.pagination = new Pagination(pageSize);
        this.sitemapLimit = sitemapLimit;
        this.probe = new StoryProbe(site, pagination);
        forgetAll();
    }

    /** Starts from nothing, with the site's icon and robots.txt to write. */
    void reset(Consumer<FileChange> out) {
        forgetAll();
        out.accept(new FileChange.Write(SiteIcon.FILE, SiteIcon.svg(site)));
        out.accept(new FileChange.Write(RobotsTxt.FILE, RobotsTxt.of(site)));
    }

    private void forgetAll() {
        listings = new Listings();
        listingPlan = new ListingPlan(site, pagination);
        sitemapPlan = new SitemapPlan(site, pagination, sitemapLimit);
        newsSitemapIsStale = true;
        newsSitemapExpiry = null;
        publishedSinceFlush.clear();
    }

    /**
     * Decides the story's page (written, or removed; and the page it had at another path removed) into
     * {@code out}, then takes the story into the listings it joins or out of those it leaves, for the next
     * {@link #flush}. Returns what a CDN must purge once that flush is written.
     *
     * @throws IllegalArgumentException if the event names a path that is not a story page (e.g. {@code /})
     */
    StoryChange apply(ArticlePublished event, Consumer<FileChange> out) {
        String file = storyFile(event.getPath());
        String articleId = event.getArticleId();
        ListedStory after = event.getAction() == Action.PUBLISH && event.getPage() != null ? ListedStory.from(event) : null;
        ListedStory live = listings.get(articleId);
        out.accept(after != null ? new FileChange.Write(file, event.getPage().getHtml()) : new FileChange.Delete(file));
        if (live != null && !live.path().equals(event.getPath())) {
            out.accept(new FileChange.Delete(storyFile(live.path())));
        }
        ListedStory before = after != null ? listings.publish(after) : listings.unpublish(articleId, event.getOccurredAt());
        newsSitemapIsStale = true;
        if (after != null) {
            publishedSinceFlush.add(articleId);
        } else {
            publishedSinceFlush.remove(articleId);
        }
        CacheInvalidation invalidation = CacheInvalidation.newBuilder()
                .setArticleId(articleId)
                .setRevision(event.getRevision())
                .setAction(event.getAction())
                .setPaths(InvalidationPaths.of(before, after, event.getPath()))
                .setOccurredAt(event.getOccurredAt())
                .build();
        return new StoryChange(file, after, invalidation);
    }

    /**
     * Decides everything the events since the last flush changed, into {@code out}: the changed listings and
     * their feeds, the sitemap, and the news sitemap (also when a story has aged out of it at {@code now}). When
     * deciding or taking a change fails, it throws and keeps the listings' changes for the next call.
     */
    void flush(Instant now, Consumer<FileChange> out) {
        Map<Listing, Listings.Change> changes = listings.takeChanges();
        try {
            Map<Listing, Integer> written = new LinkedHashMap<>();
            changes.forEach((listing, change) -> written.put(listing, listingPlan.plan(listing, change, listings, out)));
            SitemapPlan.Next sitemap = sitemapPlan.plan(listings, changes, out);
            Instant newsExpiry = newsSitemapExpiry;
            boolean newsWritten = false;
            if (newsSitemapIsStale || (newsSitemapExpiry != null && !now.isBefore(newsSitemapExpiry))) {
                NavigableSet<ListedStory> newestFirst = listings.stories(Listing.HOME);
                out.accept(new FileChange.Write(NewsSitemap.FILE, NewsSitemap.render(site, newestFirst, now)));
                newsExpiry = NewsSitemap.nextExpiry(newestFirst, now).orElse(null);
                newsWritten = true;
            }
            listingPlan.commit(written);
            sitemapPlan.commit(sitemap);
            if (newsWritten) {
                newsSitemapExpiry = newsExpiry;
                newsSitemapIsStale = false;
            }
            publishedSinceFlush.clear();
        } catch (RuntimeException e) {
            listings.putBack(changes);
            throw e;
        }
    }

    /**
     * After a failed flush: takes out of the listings the stories published since the last flush that cannot be
     * written even alone, their pages removed into {@code out}, and returns them; empty when none is to blame.
     */
    List<Unwritable> takeOutUnwritable(Consumer<FileChange> out) {
        List<Unwritable> taken = new ArrayList<>();
        for (String articleId : List.copyOf(publishedSinceFlush)) {
            ListedStory story = listings.get(articleId);
            Optional<String> problem = story == null ? Optional.empty() : probe.problem(story);
            if (problem.isPresent()) {
                out.accept(new FileChange.Delete(storyFile(story.path())));
                // Its own times may be what cannot be written, so its leaving dates no listing (the epoch never wins).
                listings.unpublish(articleId, Instant.EPOCH);
                publishedSinceFlush.remove(articleId);
                taken.add(new Unwritable(story, problem.get()));
            }
        }
        return taken;
    }

    /**
     * A story's page lives in its own folder below the root; the root's files are the site's own, and so are
     * the listings' archive pages ({@code /page/2/}, {@code /ai/page/2/}, {@code /tags/openai/page/2/}).
     */
    static String storyFile(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.replace("/", "").isEmpty()
                || !XmlText.isClean(path)) {
            throw new IllegalArgumentException("A story's path must be a folder below the site root such as /ai/story/, was '"
                    + path + "'");
        }
        if (LISTING_PAGE.matcher(path).matches()) {
            throw new IllegalArgumentException("A story's path cannot be one of a listing's pages, was '" + path + "'");
        }
        // A story there would make /preview/ a section, listed and in the sitemap, beside the unlisted previews.
        if (Previews.isPreview(path)) {
            throw new IllegalArgumentException("A story's path cannot be below " + Previews.FOLDER + ", was '" + path + "'");
        }
        return SitePaths.fileOf(path);
    }
}
