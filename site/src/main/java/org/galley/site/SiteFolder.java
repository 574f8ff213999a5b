package org.galley.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The folder the site is written to. Pages are written to a temporary file and moved into place, so a web
 * server reading the folder never serves half a page. Paths are site-relative and may not climb out.
 */
public final class SiteFolder implements SiteFiles {

    private final Path root;

    public SiteFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the site folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The file behind a site-relative path such as {@code ai/story/index.html}; never outside the root. */
    public Path resolve(String relativePath) {
        Path file = root.resolve(relativePath.startsWith("/") ? relativePath.substring(1) : relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Path leaves the site folder: " + relativePath);
        }
        return file;
    }

    @Override
    public void write(String relativePath, String content) {
        Path file = resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".galley-", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public void appendLine(String relativePath, String line) {
        Path file = resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    @Override
    public boolean delete(String relativePath) {
        Path file = resolve(relativePath);
        try {
            if (!Files.deleteIfExists(file)) {
                return false;
            }
            // Leave no empty story folders behind; stop at the first one that still holds something.
            for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(dir);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
