package org.galley.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.CacheInvalidation;
import org.galley.events.RejectionReason;
import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.AtomFeed;
import org.galley.site.feeds.FeedContent;
import org.galley.site.feeds.JsonFeed;
import org.galley.site.feeds.NewsSitemap;
import org.galley.site.feeds.RssFeed;
import org.galley.site.feeds.Sitemap;
import org.galley.site.invalidation.InvalidationPaths;
import org.galley.site.listing.Listing;
import org.galley.site.pages.ListingPages;
import org.galley.site.pages.SiteIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the published and rejected streams into a site folder: one page per live story; the home page, a page
 * per section ({@code /<section>/}) and per tag ({@code /tags/<tag>/}), each newest first with its RSS, Atom
 * and JSON feeds beside it; {@code sitemap.xml} and {@code news-sitemap.xml}; the site's icon
 * ({@code favicon.svg}, which every page names); and two logs a newsroom can read
 * or diff: {@code published.jsonl} (one line per published or unpublished event) and {@code rejected.jsonl}
 * (one line per rejection, with its reasons).
 *
 * <p>A story's page is written (or removed) as its event is applied; listings, feeds and sitemaps are
 * rewritten once per batch by {@link #flush()}, and only those the batch touched: the home page and site
 * feeds, and the sections and tags a story joined or left. A section or tag with no live story left loses its
 * folder (page and feeds), so it answers 404 rather than an empty page.
 *
 * <p>It holds only what it learnt from events, and every date it writes comes from them, so replaying the
 * topics from the beginning into an empty folder rebuilds the same bytes. The one exception is the news
 * sitemap's two-day window, measured against the injected clock.
 */
public final class SiteBuilder {

    public static final String PUBLISHED_LOG = "published.jsonl";
    public static final String REJECTED_LOG = "rejected.jsonl";
    public static final String HOME = "index.html";

    private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);

    private final SiteFolder folder;
    private final SiteSettings site;
    private final ListingPages pages;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ListedStory> live = new HashMap<>();
    private final Map<Listing, Instant> lastTouched = new HashMap<>();
    private final Set<Listing> staleListings = new TreeSet<>();
    private boolean sitemapsAreStale = true;
    private Instant newsSitemapExpiry;
    private final Map<String, Outcome> pendingOutcomes = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    public SiteBuilder(SiteFolder folder, SiteSettings site, Clock clock) {
        this.folder = folder;
        this.site = site;
        this.pages = new ListingPages(site);
        this.clock = clock;
    }

    /** Starts from nothing: the logs are rewritten as the topics are replayed, and the site's icon written. */
    public void reset() {
        folder.write(PUBLISHED_LOG, "");
        folder.write(REJECTED_LOG, "");
        folder.write(SiteIcon.FILE, SiteIcon.svg(site));
        live.clear();
        lastTouched.clear();
        staleListings.clear();
        staleListings.add(Listing.HOME);
        sitemapsAreStale = true;
        newsSitemapExpiry = null;
        pendingOutcomes.clear();
        outcomes.clear();
    }

    /**
     * Writes or removes the story's page now; its listings, feeds and the sitemaps follow at the next
     * {@link #flush()}. Returns what a CDN must purge once they are written.
     *
     * @throws IllegalArgumentException if the event names a path that is not a story page (e.g. {@code /})
     */
    public CacheInvalidation apply(ArticlePublished event) {
        String file = storyFile(event.getPath());
        String articleId = event.getArticleId();
        ListedStory before = live.get(articleId);
        ListedStory after = null;
        if (event.getAction() == Action.PUBLISH && event.getPage() != null) {
            after = ListedStory.from(event);
            live.put(articleId, after);
            folder.write(file, event.getPage().getHtml());
        } else {
            live.remove(articleId);
            folder.delete(file);
        }
        if (before != null && !before.path().equals(event.getPath())) {
            folder.delete(storyFile(before.path()));
        }
        touch(before, event.getOccurredAt());
        touch(after, event.getOccurredAt());
        touch(Listing.HOME, event.getOccurredAt());
        sitemapsAreStale = true;
        pendingOutcomes.put(articleId, new Outcome(after != null ? Outcome.Kind.PUBLISHED : Outcome.Kind.UNPUBLISHED,
                articleId, event.getRevision(), event.getPath(), List.of()));
        folder.appendLine(PUBLISHED_LOG, toJson(publishedLine(event, file, after)));
        return CacheInvalidation.newBuilder()
                .setArticleId(articleId)
                .setRevision(event.getRevision())
                .setAction(event.getAction())
                .setPaths(InvalidationPaths.of(before, after, event.getPath()))
                .setOccurredAt(event.getOccurredAt())
                .build();
    }

    public void apply(ArticleRejected event) {
        List<String> reasons = event.getReasons().stream()
                .map(reason -> reason.getField() + ": " + reason.getMessage())
                .toList();
        folder.appendLine(REJECTED_LOG, toJson(rejectedLine(event)));
        if (event.getArticleId() != null) {
            pendingOutcomes.put(event.getArticleId(), new Outcome(Outcome.Kind.REJECTED, event.getArticleId(),
                    event.getRevision(), null, reasons));
        }
        log.info("Rejected {}: {}", event.getArticleId(), reasons);
    }

    /**
     * Rewrites the listings, feeds and sitemaps the events since the last call touched (and the news sitemap
     * when a story has aged out of it); then reports the batch's outcomes. Called once per batch of events.
     */
    public void flush() {
        Collection<ListedStory> stories = live.values();
        for (Listing listing : staleListings) {
            List<ListedStory> listed = listing.select(stories);
            if (listed.isEmpty() && listing.kind() != Listing.Kind.HOME) {
                folder.delete(listing.file(Listing.PAGE));
                Listing.FEEDS.forEach(feed -> folder.delete(listing.file(feed)));
                lastTouched.remove(listing);
                continue;
            }
            folder.write(listing.file(Listing.PAGE), pages.render(listing, listed));
            FeedContent feed = FeedContent.of(site, listing, listed, lastTouched.get(listing));
            folder.write(listing.file(Listing.RSS), RssFeed.render(feed));
            folder.write(listing.file(Listing.ATOM), AtomFeed.render(feed));
            folder.write(listing.file(Listing.JSON_FEED), JsonFeed.render(feed));
        }
        staleListings.clear();
        Instant now = clock.instant();
        if (sitemapsAreStale) {
            folder.write(Sitemap.FILE, Sitemap.render(site, stories));
        }
        if (sitemapsAreStale || (newsSitemapExpiry != null && !now.isBefore(newsSitemapExpiry))) {
            folder.write(NewsSitemap.FILE, NewsSitemap.render(site, stories, now));
            newsSitemapExpiry = NewsSitemap.nextExpiry(stories, now).orElse(null);
        }
        sitemapsAreStale = false;
        outcomes.putAll(pendingOutcomes);
        pendingOutcomes.clear();
    }

    /** What became of a story so far (as written to the folder), for the local stack's progress report. */
    public Optional<Outcome> outcome(String articleId) {
        return Optional.ofNullable(outcomes.get(articleId));
    }

    private void touch(ListedStory story, Instant at) {
        if (story != null) {
            Listing.of(story).forEach(listing -> touch(listing, at));
        }
    }

    private void touch(Listing listing, Instant at) {
        staleListings.add(listing);
        lastTouched.merge(listing, at, (known, now) -> now.isAfter(known) ? now : known);
    }

    /** A story's page lives in its own folder below the root; the root's files are the site's own. */
    private static String storyFile(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.replace("/", "").isEmpty()) {
            throw new IllegalArgumentException("A story's path must be a folder below the site root such as /ai/story/, was '"
                    + path + "'");
        }
        return SitePaths.fileOf(path);
    }

    private static Map<String, Object> publishedLine(ArticlePublished event, String file, ListedStory story) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("articleId", event.getArticleId());
        line.put("revision", event.getRevision());
        line.put("action", event.getAction().name());
        line.put("slug", event.getSlug());
        line.put("url", event.getUrl());
        line.put("path", file);
        line.put("occurredAt", event.getOccurredAt().toString());
        if (story != null) {
            line.put("headline", story.headline());
            line.put("category", story.category());
            line.put("byline", story.byline());
            line.put("wordCount", story.wordCount());
            line.put("readingTimeMinutes", story.readingTimeMinutes());
            line.put("tags", story.tagNames());
            line.put("publishedAt", story.publishedAt().toString());
            line.put("updatedAt", story.updatedAt().toString());
            line.put("contentHash", story.contentHash());
        }
        return line;
    }

    private static Map<String, Object> rejectedLine(ArticleRejected event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("articleId", event.getArticleId());
        line.put("revision", event.getRevision());
        line.put("source", event.getSource());
        line.put("rejectedAt", event.getRejectedAt().toString());
        List<Map<String, String>> reasons = new ArrayList<>();
        for (RejectionReason reason : event.getReasons()) {
            reasons.add(Map.of("field", reason.getField(), "code", reason.getCode(), "message", reason.getMessage()));
        }
        line.put("reasons", reasons);
        return line;
    }

    private String toJson(Map<String, Object> line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A log line could not be written as JSON", e);
        }
    }
}
