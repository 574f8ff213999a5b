package org.galley.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the changes {@link SitePlan} decides in the site's folder ({@link SiteFiles}: on disk, each file written
 * to a temporary file and renamed into place): a file whose bytes did not change is not written again
 * ({@link WrittenFiles}). Keeps, by invalidation path, the pages a CDN must purge besides it (an archive page
 * or sitemap part whose bytes changed or that was removed), until {@link #takeAlsoWritten()}; and prunes, after
 * a rebuild, the files the site owns that the rebuild did not write.
 */
final class SiteWriter implements Consumer<FileChange> {

    private static final Logger log = LoggerFactory.getLogger(SiteWriter.class);
    /**
     * The files the site owns, which a rebuild may prune: its pages (previews too) and feeds in any folder, its
     * sitemaps, icon and robots.txt at the root. Anything else in the folder (images beside the stories) is left
     * alone.
     */
    private static final Pattern OWNED = Pattern.compile(
            "(?:.+/)?(?:index\\.html|feed\\.xml|atom\\.xml|feed\\.json)|sitemap(?:-[0-9]+)?\\.xml|news-sitemap\\.xml"
                    + "|favicon\\.svg|robots\\.txt");

    private final SiteFiles folder;
    private final WrittenFiles files;
    private Map<String, List<String>> alsoWritten = new LinkedHashMap<>();

    SiteWriter(SiteFiles folder) {
        this.folder = folder;
        this.files = new WrittenFiles(folder);
    }

    @Override
    public void accept(FileChange change) {
        if (change instanceof FileChange.Write write) {
            if (files.write(write.file(), write.content()) && write.purge() != null) {
                purge(write.purge().under(), write.purge().urlPath());
            }
        } else if (change instanceof FileChange.Delete delete) {
            if (files.delete(delete.file()) && delete.purge() != null) {
                purge(delete.purge().under(), delete.purge().urlPath());
            }
        } else if (change instanceof FileChange.Sweep sweep) {
            for (int number = sweep.from(); ; number++) {
                boolean existed = files.delete(SitePaths.fileOf(sweep.urlPath(number)));
                if (existed) {
                    purge(sweep.purgeUnder(), sweep.urlPath(number));
                }
                if (!existed && number >= sweep.atLeastTo()) {
                    return;
                }
            }
        }
    }

    /**
     * By a path the events' invalidations name ({@code /ai/}, {@code /sitemap.xml}), the other paths written or
     * removed with it since the last call ({@code /ai/page/2/}, {@code /sitemap-3.xml}).
     */
    Map<String, List<String>> takeAlsoWritten() {
        Map<String, List<String>> taken = alsoWritten;
        alsoWritten = new LinkedHashMap<>();
        return taken;
    }

    /** Forgets what was written, so the next write of every file happens (a rebuild trusts nothing on disk). */
    void forget() {
        files.forget();
        alsoWritten = new LinkedHashMap<>();
    }

    /** A retried write after a failed one adds to what the failed one wrote, once each. */
    private void purge(String under, String urlPath) {
        List<String> known = alsoWritten.computeIfAbsent(under, key -> new ArrayList<>());
        if (!known.contains(urlPath)) {
            known.add(urlPath);
        }
    }

    /**
     * Deletes the files the site owns that this run (since the last {@link #forget()}) did not write, that is the
     * pages, listings and feeds of stories removed (or moved, or of sections emptied) while the site was down,
     * and temporary files an interrupted write left. Returns the paths deleted. A file that cannot be deleted is
     * logged and left for the next rebuild.
     */
    List<String> prune() {
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
}
