package org.galley.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
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
    /**
     * The files the site owns, which a rebuild may prune: its pages and feeds in any folder, its sitemaps and
     * icon at the root. Anything else in the folder (images beside the stories, a robots.txt) is left alone.
     */
    private static final Pattern OWNED = Pattern.compile(
            "(?:.+/)?(?:index\\.html|feed\\.xml|atom\\.xml|feed\\.json)|sitemap(?:-[0-9]+)?\\.xml|news-sitemap\\.xml|favicon\\.svg");

    private final SiteFiles folder;
    private final SiteSettings site;
    private final Clock clock;
    private final Pagination pagination;
    private final int sitemapLimit;
    private final ObjectMapper json = new ObjectMapper();
    private final WrittenFiles files;
    private final StoryProbe probe;
    private Listings listings;
    private ListingWriter listingWriter;
    private SitemapWriter sitemapWriter;
    private boolean newsSitemapIsStale = true;
    private Instant newsSitemapExpiry;
    /** The stories published since the last flush: those a failed flush may have to take out. */
    private final Set<String> publishedSinceFlush = new LinkedHashSet<>();

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
        this.probe = new StoryProbe(site, pagination);
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
        publishedSinceFlush.clear();
    }

    /**
     * Writes or removes the story's page now; its listings, feeds and the sitemaps follow at the next
     * {@link #flush()}. Returns what a CDN must purge once they are written.
     *
     * The page is written (or removed) before the story joins (or leaves) the listings, so an event whose page
     * cannot be written changes nothing else.
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
            files.write(file, event.getPage().getHtml());
            before = listings.publish(after);
        } else {
            files.delete(file);
            before = listings.unpublish(articleId, event.getOccurredAt());
        }
        if (before != null && !before.path().equals(event.getPath())) {
            files.delete(storyFile(before.path()));
        }
        newsSitemapIsStale = true;
        if (after != null) {
            publishedSinceFlush.add(articleId);
        } else {
            publishedSinceFlush.remove(articleId);
        }
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
        log.info("Rejected {}: {}", event.getArticleId(), reasons);
    }

    /**
     * Records an event of {@code articleId} (null when even that could not be read) that the site could not
     * apply, and why: logged at ERROR, and a line in {@code rejected.jsonl} with {@code "source": "site"}. It
     * never throws: recording one failure must not become another.
     */
    public void failed(String articleId, Long revision, String reason) {
        log.error("The site skipped an event of {} (revision {}) it could not apply: {}", articleId, revision, reason);
        try {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("articleId", articleId);
            line.put("revision", revision);
            line.put("source", "site");
            line.put("rejectedAt", clock.instant().toString());
            line.put("reasons", List.of(Map.of("field", "site", "code", "SITE_FAILED", "message", reason)));
            folder.appendLine(REJECTED_LOG, toJson(line));
        } catch (RuntimeException e) {
            log.error("Could not log the skipped event of {} to {}: {}", articleId, REJECTED_LOG, e.getMessage());
        }
    }

    /**
     * Writes everything the events since the last call changed, all in one go: the changed listings and their
     * feeds, the sitemap, and the news sitemap (also when a story has aged out of it). Returns, by a path the events' invalidations name ({@code /ai/}, {@code /sitemap.xml}),
     * the other paths written or removed with it ({@code /ai/page/2/}, {@code /sitemap-3.xml}), for
     * {@link InvalidationPaths#including}.
     *
     * <p>When writing fails, each story applied since the last flush is rendered alone; those that cannot be are
     * taken out of the listings (their pages removed) and recorded as {@link #failed}, and the rest is written.
     * When no story is to blame (a full disk), it throws and keeps everything to write for the next call.
     */
    public Map<String, List<String>> flush() {
        Map<String, List<String>> alsoWritten = new LinkedHashMap<>();
        writeChanges(alsoWritten);
        publishedSinceFlush.clear();
        return alsoWritten;
    }

    private void writeChanges(Map<String, List<String>> alsoWritten) {
        Map<Listing, Listings.Change> changes = listings.takeChanges();
        try {
            write(changes, alsoWritten);
        } catch (RuntimeException e) {
            listings.putBack(changes);
            if (takeOutUnwritableStories() == 0) {
                throw e;
            }
            // Each round takes at least one story out, so this ends.
            writeChanges(alsoWritten);
        }
    }

    /** Takes out the stories applied since the last flush that cannot be written even alone; says how many. */
    private int takeOutUnwritableStories() {
        int taken = 0;
        for (String articleId : List.copyOf(publishedSinceFlush)) {
            ListedStory story = listings.get(articleId);
            if (story == null) {
                continue;
            }
            Optional<String> problem = probe.problem(story);
            if (problem.isPresent()) {
                // Its own times may be what cannot be written, so its leaving dates no listing (the epoch never wins).
                listings.unpublish(story.articleId(), Instant.EPOCH);
                files.delete(storyFile(story.path()));
                failed(story.articleId(), story.revision(), "its listings, feeds or sitemaps could not be written: "
                        + problem.get());
                publishedSinceFlush.remove(articleId);
                taken++;
            }
        }
        return taken;
    }

    private void write(Map<Listing, Listings.Change> changes, Map<String, List<String>> alsoWritten) {
        changes.forEach((listing, change) -> {
            List<String> olderPages = listingWriter.write(listing, change, listings);
            if (!olderPages.isEmpty()) {
                addAll(alsoWritten, listing.path(), olderPages);
            }
        });
        List<String> parts = sitemapWriter.write(listings, changes);
        if (!parts.isEmpty()) {
            addAll(alsoWritten, "/" + Sitemap.FILE, parts);
        }
        Instant now = clock.instant();
        if (newsSitemapIsStale || (newsSitemapExpiry != null && !now.isBefore(newsSitemapExpiry))) {
            NavigableSet<ListedStory> newestFirst = listings.stories(Listing.HOME);
            files.write(NewsSitemap.FILE, NewsSitemap.render(site, newestFirst, now));
            newsSitemapExpiry = NewsSitemap.nextExpiry(newestFirst, now).orElse(null);
            newsSitemapIsStale = false;
        }
    }

    /** A retried write after a failed one adds to what the failed one wrote, once each. */
    private static void addAll(Map<String, List<String>> alsoWritten, String path, List<String> written) {
        List<String> known = alsoWritten.computeIfAbsent(path, key -> new ArrayList<>());
        written.stream().filter(page -> !known.contains(page)).forEach(known::add);
    }

    /**
     * Once a rebuild has replayed the topics and flushed: deletes the files the site owns that this rebuild did
     * not write, that is the pages, listings and feeds of stories removed (or moved, or of sections emptied)
     * while the site was down, and temporary files an interrupted write left. Returns the paths deleted. A file
     * that cannot be deleted is logged and left for the next rebuild.
     */
    public List<String> prune() {
        List<String> pruned = new ArrayList<>();
        for (String path : folder.list()) {
            boolean stale = SiteFolder.isTemporary(path) || (OWNED.matcher(path).matches() && !files.wrote(path));
            if (!stale) {
                continue;
            }
            try {
                if (files.delete(path)) {
                    pruned.add(path);
                }
            } catch (RuntimeException e) {
                log.warn("Could not prune the stale file {}: {}", path, e.getMessage());
            }
        }
        if (!pruned.isEmpty()) {
            log.info("Pruned {} stale files the rebuilt site no longer has: {}", pruned.size(),
                    pruned.size() <= 20 ? pruned : pruned.subList(0, 20) + "...");
        }
        return pruned;
    }

    /**
     * A story's page lives in its own folder below the root; the root's files are the site's own, and so are
     * the listings' archive pages ({@code /page/2/}, {@code /ai/page/2/}, {@code /tags/openai/page/2/}).
     */
    private static String storyFile(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.replace("/", "").isEmpty()
                || !XmlText.isClean(path)) {
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
