package org.galley.site;

import java.util.HashMap;
import java.util.Map;

/**
 * The site's files as this run wrote them, so a file whose new content is the same as what was last written is
 * not written again (its mtime and ETag stay, a sync tool skips it). It keeps only each file's length: content of
 * another length has changed, and content of the same length is compared with the file itself. (It kept a
 * SHA-256 of every file before: hashing every page and feed took a third of the site reader's time in a
 * 2,000-story run of {@code ./galley up}, whose JVM compiles with C1 only and so without the JDK's SHA-256
 * intrinsics; and most rewrites change a listing's length anyway.)
 */
final class WrittenFiles {

    private final SiteFiles files;
    private final Map<String, Integer> lengths = new HashMap<>();

    WrittenFiles(SiteFiles files) {
        this.files = files;
    }

    /** Writes the file unless this run already wrote exactly this content there; says whether it wrote. */
    boolean write(String path, String content) {
        String key = key(path);
        Integer written = lengths.get(key);
        if (written != null && written == content.length()
                && files.read(path).map(content::equals).orElse(false)) {
            return false;
        }
        files.write(path, content);
        lengths.put(key, content.length());
        return true;
    }

    /** Deletes the file; says whether there was one. */
    boolean delete(String path) {
        lengths.remove(key(path));
        return files.delete(path);
    }

    /** Whether this run (since the last {@link #forget()}) wrote the file and has not deleted it since. */
    boolean wrote(String path) {
        return lengths.containsKey(key(path));
    }

    /** Forgets what was written, so the next write of every file happens (a rebuild trusts nothing on disk). */
    void forget() {
        lengths.clear();
    }

    private static String key(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
