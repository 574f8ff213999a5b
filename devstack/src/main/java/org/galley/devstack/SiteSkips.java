package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events the local site could not apply, read from the lines its {@code rejected.jsonl} gives them
 * ({@code "source": "site"}): a story ingest calls published whose page the site could not write never gets one,
 * and {@code ./galley up} reports it as failed in the site rather than waiting out its timeout for the page.
 * Reads only the whole lines appended since the last look; a shorter file means the site rebuilt, and it starts
 * over.
 */
final class SiteSkips {

    /** An event of a story the site skipped: the revision it carried and why. */
    record Skip(Long revision, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path log;
    private final Map<String, Skip> skips = new HashMap<>();
    private long readTo;

    /** @param log the site's {@code rejected.jsonl} */
    SiteSkips(Path log) {
        this.log = log;
    }

    /** The last event of the story the site skipped, if it skipped one since it last rebuilt. */
    synchronized Optional<Skip> of(String articleId) {
        readNewLines();
        return Optional.ofNullable(skips.get(articleId));
    }

    private void readNewLines() {
        try (FileChannel file = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = file.size();
            if (size < readTo) {
                skips.clear();
                readTo = 0;
            }
            ByteBuffer appended = ByteBuffer.allocate(Math.toIntExact(size - readTo));
            while (appended.hasRemaining() && file.read(appended, readTo + appended.position()) > 0) {
                // Reads until the buffer is full or the file ends.
            }
            // Whole lines only: a line still being written is read at the next look.
            int end = appended.position();
            while (end > 0 && appended.get(end - 1) != '\n') {
                end--;
            }
            new String(appended.array(), 0, end, StandardCharsets.UTF_8).lines().forEach(this::add);
            readTo += end;
        } catch (NoSuchFileException e) {
            // No site log yet: nothing skipped.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the site's " + log, e);
        }
    }

    private void add(String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            JsonNode skip = JSON.readTree(line);
            if (!"site".equals(skip.path("source").asText()) || !skip.path("articleId").isTextual()) {
                return;
            }
            Long revision = skip.path("revision").isNumber() ? skip.path("revision").asLong() : null;
            String reason = skip.path("reasons").path(0).path("message").asText("the site could not apply it");
            skips.put(skip.path("articleId").asText(), new Skip(revision, reason));
        } catch (IOException e) {
            // A line the site is still writing, or not the site's: not a skip.
        }
    }
}
