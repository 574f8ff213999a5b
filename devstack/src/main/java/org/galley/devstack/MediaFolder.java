package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Stories refer to their images by site path ({@code /media/x.svg}); a folder of stories keeps those files in
 * its {@code media/} subfolder, and the local stack copies them into the site so the preview never needs
 * another host.
 */
final class MediaFolder {

    private MediaFolder() {
    }

    static void copyInto(Path storiesDir, Path siteDir) {
        Path media = storiesDir.resolve("media");
        if (!Files.isDirectory(media)) {
            return;
        }
        Path target = siteDir.resolve("media");
        try (Stream<Path> files = Files.walk(media)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(media.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + media + " into " + target, e);
        }
    }
}
