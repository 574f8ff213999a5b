package org.galley.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The site's files as this run wrote them: a SHA-256 of each file's bytes, so a file whose new content is the
 * same as what was last written is not written again (its mtime and ETag stay, a sync tool skips it).
 */
final class WrittenFiles {

    private final SiteFiles files;
    private final Map<String, byte[]> hashes = new HashMap<>();

    WrittenFiles(SiteFiles files) {
        this.files = files;
    }

    /** Writes the file unless this run already wrote exactly these bytes there; says whether it wrote. */
    boolean write(String path, String content) {
        byte[] hash = sha256(content);
        String key = key(path);
        if (Arrays.equals(hashes.get(key), hash)) {
            return false;
        }
        files.write(path, content);
        hashes.put(key, hash);
        return true;
    }

    /** Deletes the file; says whether there was one. */
    boolean delete(String path) {
        hashes.remove(key(path));
        return files.delete(path);
    }

    /** Whether this run (since the last {@link #forget()}) wrote the file and has not deleted it since. */
    boolean wrote(String path) {
        return hashes.containsKey(key(path));
    }

    /** Forgets what was written, so the next write of every file happens (a rebuild trusts nothing on disk). */
    void forget() {
        hashes.clear();
    }

    private static String key(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static byte[] sha256(String content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
