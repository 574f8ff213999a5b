package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.galley.ingest.storyfile.StoryFileParser;
import org.galley.ingest.storyfile.StoryFileResult;

/**
 * Reads a folder of story files ({@code *.md}) for the local stack to publish, in file-name order.
 *
 * <p>A folder is an archive import: a story whose front matter says when it was published is stamped as
 * submitted at that moment, not at the moment this run read it. Pages show the submission time as the
 * story's last update, so the site then says what the archive says and comes out the same on every run. A
 * story without a publication date is submitted now, as before.
 */
final class StoryFolder {

    /** The order editors published them in: oldest publication first, unreadable files last. */
    static final Comparator<StoryFile> OLDEST_FIRST = Comparator.comparing(StoryFile::publicationTime);

    private final StoryFileParser parser;

    StoryFolder(StoryFileParser parser) {
        this.parser = parser;
    }

    List<StoryFile> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            // Parsed on every core (the decoder keeps no state between stories; ingest's HTTP threads share it too):
            // the stack is up and idle meanwhile, and 2,000 files took 2.4 s on one thread. The order is kept.
            return files.filter(file -> file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file))
                    .sorted()
                    .toList()
                    .parallelStream()
                    .map(this::readFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private StoryFile readFile(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new StoryFile(content, submittedWhenPublished(parser.parse(file.getFileName().toString(), content)));
    }

    /**
     * The story stamped as submitted when it was published, if its file says when that was and that is past: a
     * story for later (held until then, see Schedule in ingest) is submitted now.
     */
    static StoryFileResult submittedWhenPublished(StoryFileResult result) {
        if (result instanceof StoryFileResult.Parsed parsed && parsed.submission().getPublishedAt() != null
                && parsed.submission().getPublishedAt().isBefore(parsed.submission().getSubmittedAt())) {
            // Changed in place: the parser made it for this run alone, and a copy through Avro's builder would
            // need org.galley.events on Avro's list of trusted packages.
            parsed.submission().setSubmittedAt(parsed.submission().getPublishedAt());
        }
        return result;
    }
}
