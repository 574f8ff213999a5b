package org.galley.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.CacheInvalidation;
import org.galley.events.RejectionReason;
import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.NewsSitemap;
import org.galley.site.feeds.Sitemap;
import org.galley.site.invalidation.InvalidationPaths;
import org.galley.site.listing.Listing;
import org.galley.site.listing.Listings;
import org.galley.site.listing.Pagination;
import org.galley.site.pages.SiteIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the published and rejected streams into a site folder: one page per live story; the home page, a page
 * per section ({@code /<section>/}) and per tag ({@code /tags/<tag>/}), each showing its newest {@code pageSize}
 * stories, with archive pages of the rest counted from the oldest ({@code page/1/}, {@code page/2/}, ... below
 * it; see {@link Pagination}) and its RSS, Atom and JSON feeds beside it; {@code sitemap.xml} (an index of
 * {@code sitemap-N.xml} parts past {@code sitemapLimit} addresses) and {@code news-sitemap.xml}; the site's
 * icon ({@code favicon.svg}, which every page names); and two logs a newsroom can read or diff:
 * {@code published.jsonl} (one line per published or unpublished event) and
 * {@code rejected.jsonl} (one line per rejection, with its reasons).
 *
 * <p>A story's page is written (or removed) as its event is applied, and {@link Listings} takes the change
 * into the listings it left or joined. {@link #flush()} writes what changed since the last flush, in one go:
 * the pages of the changed listings that the changes altered and their feeds ({@link ListingWriter}), the
 * sitemaps ({@link SitemapWriter}); a file whose bytes did not change is not written ({@link WrittenFiles}).
 * A section or tag with no live story left loses its folder, so it answers 404 rather than an empty page.
 *
 * <p>It holds only what it learnt from events, and every date it writes comes from the stories (a listing
 * that lost a story also from when it lost it), so replaying the topics into an empty folder rebuilds the same
 * bytes, however the events fall into flushes and however different stories' events interleave. The one
 * exception is the news sitemap's two-day window, measured against the injected clock; and the two logs, which
 * are in arrival order.
 */
public final class SiteBuilder {

    public static final String PUBLISHED_LOG = "published.jsonl";
    public static final String REJECTED_LOG = "rejected.jsonl";
    public static final String HOME = "index.html";
    public static final int PAGE_SIZE = 20;

    private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);
    private static final Pattern LISTING_PAGE = Pattern.compile("/(?:tags/)?(?:[^/]+/)?page/[0-9]+/");

    private final SiteFiles folder;
    private final SiteSettings site;
    private final Clock clock;
    private final Pagination pagination;
    private final int sitemapLimit;
    private final ObjectMapper json = new ObjectMapper();
    private final WrittenFiles files;
    private Listings listings;
    private ListingWriter listingWriter;
    private SitemapWriter sitemapWriter;
    private boolean newsSitemapIsStale = true;
    private Instant newsSitemapExpiry;
    private final Map<String, Outcome> pendingOutcomes = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    /** A site with {@value #PAGE_SIZE} stories a page and sitemaps split at the protocol's limit. */
    public SiteBuilder(SiteFiles folder, SiteSettings site, Clock clock) {
        this(folder, site, clock, PAGE_SIZE, Sitemap.MAX_URLS);
    }

    /**
     * @param pageSize     stories on each listing page
     * @param sitemapLimit the most addresses in one sitemap file; past it {@code sitemap.xml} becomes an index
     */
    public SiteBuilder(SiteFiles folder, SiteSettings site, Clock clock, int pageSize, int sitemapLimit) {
        this.folder = folder;
        this.site = site;
        this.clock = clock;
        this.pagination = new Pagination(pageSize);
        this.sitemapLimit = sitemapLimit;
        this.files = new WrittenFiles(folder);
        forgetAll();
    }

    /** Starts from nothing: the logs are rewritten as the topics are replayed, and the site's icon written. */
    public void reset() {
        forgetAll();
        folder.write(PUBLISHED_LOG, "");
        folder.write(REJECTED_LOG, "");
        files.write(SiteIcon.FILE, SiteIcon.svg(site));
    }

    private void forgetAll() {
        files.forget();
        listings = new Listings();
        listingWriter = new ListingWriter(site, pagination, files);
        sitemapWriter = new SitemapWriter(site, pagination, files, sitemapLimit);
        newsSitemapIsStale = true;
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
        ListedStory before;
        ListedStory after = null;
        if (event.getAction() == Action.PUBLISH && event.getPage() != null) {
            after = ListedStory.from(event);
            before = listings.publish(after);
            files.write(file, event.getPage().getHtml());
        } else {
            before = listings.unpublish(articleId, event.getOccurredAt());
            files.delete(file);
        }
        if (before != null && !before.path().equals(event.getPath())) {
            files.delete(storyFile(before.path()));
        }
        newsSitemapIsStale = true;
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
     * Writes everything the events since the last call changed, all in one go: the changed listings and their
     * feeds, the sitemap, and the news sitemap (also when a story has aged out of it); then reports those
     * events' outcomes. Returns, by a path the events' invalidations name ({@code /ai/}, {@code /sitemap.xml}),
     * the other paths written or removed with it ({@code /ai/page/2/}, {@code /sitemap-3.xml}), for
     * {@link InvalidationPaths#including}.
     */
    public Map<String, List<String>> flush() {
        Map<Listing, Listings.Change> changes = listings.takeChanges();
        Map<String, List<String>> alsoWritten = new LinkedHashMap<>();
        changes.forEach((listing, change) -> {
            List<String> olderPages = listingWriter.write(listing, change, listings);
            if (!olderPages.isEmpty()) {
                alsoWritten.put(listing.path(), olderPages);
            }
        });
        List<String> parts = sitemapWriter.write(listings, changes);
        if (!parts.isEmpty()) {
            alsoWritten.put("/" + Sitemap.FILE, parts);
        }
        Instant now = clock.instant();
        if (newsSitemapIsStale || (newsSitemapExpiry != null && !now.isBefore(newsSitemapExpiry))) {
            NavigableSet<ListedStory> newestFirst = listings.stories(Listing.HOME);
            files.write(NewsSitemap.FILE, NewsSitemap.render(site, newestFirst, now));
            newsSitemapExpiry = NewsSitemap.nextExpiry(newestFirst, now).orElse(null);
            newsSitemapIsStale = false;
        }
        outcomes.putAll(pendingOutcomes);
        pendingOutcomes.clear();
        return alsoWritten;
    }

    /** What became of a story so far (as written to the folder), for the local stack's progress report. */
    public Optional<Outcome> outcome(String articleId) {
        return Optional.ofNullable(outcomes.get(articleId));
    }

    /**
     * A story's page lives in its own folder below the root; the root's files are the site's own, and so are
     * the listings' archive pages ({@code /page/2/}, {@code /ai/page/2/}, {@code /tags/openai/page/2/}).
     */
    private static String storyFile(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.replace("/", "").isEmpty()) {
            throw new IllegalArgumentException("A story's path must be a folder below the site root such as /ai/story/, was '"
                    + path + "'");
        }
        if (LISTING_PAGE.matcher(path).matches()) {
            throw new IllegalArgumentException("A story's path cannot be one of a listing's pages, was '" + path + "'");
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
            line.put("contentHash", event.getPage().getContentHash());
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
