package org.galley.site;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A site folder that counts how often each file is written (site-relative, without a leading slash). */
final class CountingFiles implements SiteFiles {

    private final SiteFolder folder;
    private final Map<String, Integer> writes = new HashMap<>();

    CountingFiles(Path root) {
        this.folder = new SiteFolder(root);
    }

    int writes(String path) {
        return writes.getOrDefault(path, 0);
    }

    /** Every file written since the last call, with how often. */
    Map<String, Integer> takeWrites() {
        Map<String, Integer> taken = new HashMap<>(writes);
        writes.clear();
        return taken;
    }

    @Override
    public void write(String relativePath, String content) {
        writes.merge(relativePath.startsWith("/") ? relativePath.substring(1) : relativePath, 1, Integer::sum);
        folder.write(relativePath, content);
    }

    @Override
    public Optional<String> read(String relativePath) {
        return folder.read(relativePath);
    }

    @Override
    public void appendLine(String relativePath, String line) {
        folder.appendLine(relativePath, line);
    }

    @Override
    public boolean delete(String relativePath) {
        return folder.delete(relativePath);
    }

    @Override
    public List<String> list() {
        return folder.list();
    }
}
