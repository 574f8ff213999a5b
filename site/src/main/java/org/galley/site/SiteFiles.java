package org.galley.site;

import java.util.List;
import java.util.Optional;

/**
 * Where the site's files go, by site-relative path ({@code ai/story/index.html} or {@code /ai/feed.xml}):
 * {@link SiteFolder} on disk; tests pass one that also counts what was written.
 */
public interface SiteFiles {

    /** Replaces the whole file, atomically for a reader. */
    void write(String relativePath, String content);

    void appendLine(String relativePath, String line);

    /** The file's content; empty when there is no such file, or where files cannot be read back. */
    default Optional<String> read(String relativePath) {
        return Optional.empty();
    }

    /** Removes the file, and any folder that leaves empty; says whether there was such a file. */
    boolean delete(String relativePath);

    /**
     * Every file the folder holds, site-relative, for pruning what a rebuild no longer has; empty where files
     * cannot be listed (then nothing is pruned).
     */
    default List<String> list() {
        return List.of();
    }
}
