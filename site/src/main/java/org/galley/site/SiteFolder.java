package org.galley.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder the site is written to. Pages are written to a temporary file in their own folder and renamed
 * into place ({@code ATOMIC_MOVE}), so a web server reading the folder never serves half a page. Files are
 * {@code rw-r--r--} (0644) and the folders the site creates {@code rwxr-xr-x} (0755), whatever the umask, so a
 * web server running as another user ({@code www-data}) can serve them. Paths are site-relative and may not
 * climb out.
 */
public final class SiteFolder implements SiteFiles {

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final String TEMP_PREFIX = ".galley-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    // Asked once: where there are no POSIX modes (Windows), the file system's ACLs decide who reads.
    private final boolean posix;

    public SiteFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.posix = this.root.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(this.root)) {
                Files.createDirectories(this.root);
                setMode(this.root, FOLDER_MODE);
            }
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
        Path temp = null;
        try {
            createFolders(file.getParent());
            // In the file's own folder, so the rename never crosses file systems and stays atomic.
            temp = Files.createTempFile(file.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            // A temporary file is made 0600; the mode is set before the rename, so the page is never unreadable.
            setMode(temp, FILE_MODE);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public Optional<String> read(String relativePath) {
        Path file = resolve(relativePath);
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public void appendLine(String relativePath, String line) {
        Path file = resolve(relativePath);
        try {
            createFolders(file.getParent());
            boolean created = !Files.exists(file);
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (created) {
                setMode(file, FILE_MODE);
            }
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

    /**
     * Every file below the folder, site-relative ({@code ai/story/index.html}), in order, including temporary
     * files a crash left behind.
     */
    @Override
    public List<String> list() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the site folder " + root, e);
        }
    }

    /** Whether a site-relative path names a temporary file of an interrupted write. */
    static boolean isTemporary(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /** Creates the folder and any missing parent below the root, each 0755. */
    private void createFolders(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (!dir.equals(root)) {
            createFolders(dir.getParent());
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // Another writer made it in between; fine if it is a folder.
            if (Files.isDirectory(dir)) {
                return;
            }
            throw e;
        }
        setMode(dir, FOLDER_MODE);
    }

    private void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (posix) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The next rebuild's prune removes it.
        }
    }
}
