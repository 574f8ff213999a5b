package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The throw-away folder holding one run's Kafka log and stream state. */
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
}
