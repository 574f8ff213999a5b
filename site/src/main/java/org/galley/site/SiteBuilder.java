package org.galley.site;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.Sitemap;
import org.galley.site.invalidation.InvalidationPaths;
import org.galley.site.listing.Pagination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the published and rejected streams into a site folder: one page per live story; the home page, a page
 * per section ({@code /<section>/}) and per tag ({@code /tags/<tag>/}), each showing its newest {@code pageSize}
 * stories, with archive pages of the rest counted from the oldest ({@code page/1/}, {@code page/2/}, ... below
 * it; see {@link Pagination}) and its RSS, Atom and JSON feeds beside it; {@code sitemap.xml} (an index of
 * {@code sitemap-N.xml} parts past {@code sitemapLimit} addresses) and {@code news-sitemap.xml}; the site's
 * icon ({@code favicon.svg}, which every page names) and {@code robots.txt}; and the two logs ({@link SiteLogs}).
 * Beside them, each preview page ({@link #preview}) at its unguessable path, listed nowhere.
 *
 * <p>It joins three parts: {@link SitePlan} decides what changes (pure: the live stories and what was written
 * of them, and for each event and flush the files to write or delete), {@link SiteWriter} writes those files
 * (atomically, skipping unchanged bytes, pruning after a rebuild), and {@link SiteLogs} keeps the logs. A story's
 * page is written (or removed) as its event is applied; {@link #flush()} writes what changed since the last
 * flush, in one go. A section or tag with no live story left loses its folder, so it answers 404 rather than an
 * empty page.
 *
 * <p>It holds only what it learnt from events, and every date it writes comes from the stories (a listing
 * that lost a story also from when it lost it), so replaying the topics into an empty folder rebuilds the same
 * bytes, however the events fall into flushes and however different stories' events interleave. The one
 * exception is the news sitemap's two-day window, measured against the injected clock; and the two logs, which
 * are in arrival order. It keeps no status of its own: what became of a story is ingest's to tell.
 */
public final class SiteBuilder {

    public static final String PUBLISHED_LOG = "published.jsonl";
    public static final String REJECTED_LOG = "rejected.jsonl";
    public static final String HOME = "index.html";
    public static final int PAGE_SIZE = 20;

    private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);

    private final Clock clock;
    private final SitePlan plan;
    private final SiteWriter writer;
    private final SiteLogs logs;

    /** A site with {@value #PAGE_SIZE} stories a page and sitemaps split at the protocol's limit. */
    public SiteBuilder(SiteFiles folder, SiteSettings site, Clock clock) {
        this(folder, site, clock, PAGE_SIZE, Sitemap.MAX_URLS);
    }

    /**
     * @param pageSize     stories on each listing page
     * @param sitemapLimit the most addresses in one sitemap file; past it {@code sitemap.xml} becomes an index
     */
    public SiteBuilder(SiteFiles folder, SiteSettings site, Clock clock, int pageSize, int sitemapLimit) {
        this.clock = clock;
        this.plan = new SitePlan(site, pageSize, sitemapLimit);
        this.writer = new SiteWriter(folder);
        this.logs = new SiteLogs(folder);
    }

    /** Starts from nothing: the logs are rewritten as the topics are replayed, and the site's icon written. */
    public void reset() {
        writer.forget();
        logs.reset();
        plan.reset(writer);
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
        SitePlan.StoryChange change = plan.apply(event, writer);
        logs.published(event, change.file(), change.after());
        return change.invalidation();
    }

    public void apply(ArticleRejected event) {
        logs.rejected(event);
        log.info("Rejected {}: {}", event.getArticleId(), event.getReasons().stream()
                .map(reason -> reason.getField() + ": " + reason.getMessage()).toList());
    }

    /**
     * Writes a preview page exactly as it came, at {@code /preview/<token>/}, or removes it ({@code html} null,
     * a tombstone). It joins no listing, feed or sitemap, is announced to no CDN and logged in no JSONL log, and
     * waits for no flush: nothing else changes with it.
     *
     * @throws IllegalArgumentException if {@code path} is not a preview's path ({@link Previews#fileOf})
     */
    public void preview(String path, String html) {
        writer.accept(Previews.change(path, html));
    }

    /**
     * Records an event of {@code articleId} (null when even that could not be read) that the site could not
     * apply, and why: logged at ERROR, and a line in {@code rejected.jsonl} with {@code "source": "site"}. It
     * never throws: recording one failure must not become another.
     */
    public void failed(String articleId, Long revision, String reason) {
        log.error("The site skipped an event of {} (revision {}) it could not apply: {}", articleId, revision, reason);
        try {
            logs.failed(articleId, revision, reason, clock.instant());
        } catch (RuntimeException e) {
            log.error("Could not log the skipped event of {} to {}: {}", articleId, REJECTED_LOG, e.getMessage());
        }
    }

    /**
     * Writes everything the events since the last call changed, all in one go: the changed listings and their
     * feeds, the sitemap, and the news sitemap (also when a story has aged out of it). Returns, by a path the
     * events' invalidations name ({@code /ai/}, {@code /sitemap.xml}), the other paths written or removed with it
     * ({@code /ai/page/2/}, {@code /sitemap-3.xml}), for {@link InvalidationPaths#including}.
     *
     * <p>When writing fails, each story applied since the last flush is rendered alone; those that cannot be are
     * taken out of the listings (their pages removed) and recorded as {@link #failed}, and the rest is written.
     * When no story is to blame (a full disk), it throws and keeps everything to write for the next call.
     */
    public Map<String, List<String>> flush() {
        while (true) {
            try {
                plan.flush(clock.instant(), writer);
                return writer.takeAlsoWritten();
            } catch (RuntimeException e) {
                List<SitePlan.Unwritable> taken = plan.takeOutUnwritable(writer);
                if (taken.isEmpty()) {
                    throw e;
                }
                taken.forEach(unwritable -> failed(unwritable.story().articleId(), unwritable.story().revision(),
                        "its listings, feeds or sitemaps could not be written: " + unwritable.problem()));
                // Each round takes at least one story out, so this ends.
            }
        }
    }

    /**
     * Once a rebuild has replayed the topics and flushed: deletes the files the site owns that this rebuild did
     * not write, that is the pages, listings and feeds of stories removed (or moved, or of sections emptied)
     * while the site was down, and temporary files an interrupted write left. Returns the paths deleted.
     */
    public List<String> prune() {
        return writer.prune();
    }
}
