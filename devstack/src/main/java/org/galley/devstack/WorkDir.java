package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder holding the local stack's Kafka log and stream state: {@code .galley/}, kept between runs of
 * {@code ./galley up} so each resumes where the last stopped, or a throw-away one.
 */
final class WorkDir {

    private WorkDir() {
    }

    static Path create() {
        try {
            return Files.createTempDirectory("galley-up-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a working folder", e);
        }
    }

    /** The kept folder, created if missing. */
    static Path kept(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the working folder " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * Deletes everything in the folder but its log files ({@code *.log}): the one this run writes is already open,
     * and deleting it would lose this run's log.
     */
    static void clearAllButLogs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> doomed = entries.filter(entry -> !entry.getFileName().toString().endsWith(".log")).toList();
            for (Path entry : doomed) {
                delete(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir.toAbsolutePath(), e);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only temporary files are left behind; the next run uses a new folder.
        }
    }

    private static void delete(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
