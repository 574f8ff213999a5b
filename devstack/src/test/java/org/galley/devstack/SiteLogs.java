package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.site.SiteBuilder;

/**
 * Reads a site folder's two logs ({@code published.jsonl}, {@code rejected.jsonl}), the record a run leaves, for ITs
 * that check what the site itself did with a story (ingest's status says what the pipeline did).
 */
final class SiteLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteLogs() {
    }

    /** The story's last line in {@code published.jsonl}, if any. */
    static Optional<JsonNode> lastPublished(Path site, String articleId) {
        List<JsonNode> lines = lines(site.resolve(SiteBuilder.PUBLISHED_LOG));
        return lines.stream().filter(line -> line.path("articleId").asText().equals(articleId))
                .reduce((first, second) -> second);
    }

    /** The story's lines in {@code rejected.jsonl}. */
    static List<JsonNode> rejections(Path site, String articleId) {
        return lines(site.resolve(SiteBuilder.REJECTED_LOG)).stream()
                .filter(line -> line.path("articleId").asText().equals(articleId)).toList();
    }

    /** The URL path ({@code /ai/story/}) of a {@code published.jsonl} line, from the page file it names. */
    static String urlPath(JsonNode published) {
        String file = published.path("path").asText();
        return "/" + file.substring(0, file.length() - "index.html".length());
    }

    /** Waits until the condition holds; false after {@code wait}. The site writes on its own thread: nothing to block on. */
    static boolean await(BooleanSupplier condition, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static List<JsonNode> lines(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).map(SiteLogs::json).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
