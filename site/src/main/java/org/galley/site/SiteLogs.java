package org.galley.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.RejectionReason;

/**
 * The two logs of a site folder, a run's record a newsroom can read or diff: {@code published.jsonl} (one line
 * per published or unpublished event) and {@code rejected.jsonl} (one line per rejection, with its reasons, and
 * per event the site itself could not apply, {@code "source": "site"}). In arrival order; rewritten from the
 * start when the site rebuilds.
 */
final class SiteLogs {

    private final SiteFiles folder;
    private final ObjectMapper json = new ObjectMapper();

    SiteLogs(SiteFiles folder) {
        this.folder = folder;
    }

    void reset() {
        folder.write(SiteBuilder.PUBLISHED_LOG, "");
        folder.write(SiteBuilder.REJECTED_LOG, "");
    }

    /** @param story the story as it is live now, null once it is down */
    void published(ArticlePublished event, String file, ListedStory story) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("articleId", event.getArticleId());
        line.put("revision", event.getRevision());
        line.put("action", event.getAction().name());
        line.put("slug", event.getSlug());
        line.put("url", event.getUrl());
        line.put("path", file);
        line.put("occurredAt", event.getOccurredAt().toString());
        if (story != null) {
            line.put("headline", story.headline());
            line.put("category", story.category());
            line.put("byline", story.byline());
            line.put("wordCount", story.wordCount());
            line.put("readingTimeMinutes", story.readingTimeMinutes());
            line.put("tags", story.tagNames());
            line.put("publishedAt", story.publishedAt().toString());
            line.put("updatedAt", story.updatedAt().toString());
            line.put("contentHash", event.getPage().getContentHash());
        }
        folder.appendLine(SiteBuilder.PUBLISHED_LOG, toJson(line));
    }

    void rejected(ArticleRejected event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("articleId", event.getArticleId());
        line.put("revision", event.getRevision());
        line.put("source", event.getSource());
        line.put("rejectedAt", event.getRejectedAt().toString());
        List<Map<String, String>> reasons = new ArrayList<>();
        for (RejectionReason reason : event.getReasons()) {
            reasons.add(Map.of("field", reason.getField(), "code", reason.getCode(), "message", reason.getMessage()));
        }
        line.put("reasons", reasons);
        folder.appendLine(SiteBuilder.REJECTED_LOG, toJson(line));
    }

    /** An event of {@code articleId} (null when even that could not be read) the site could not apply, and why. */
    void failed(String articleId, Long revision, String reason, Instant at) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("articleId", articleId);
        line.put("revision", revision);
        line.put("source", "site");
        line.put("rejectedAt", at.toString());
        line.put("reasons", List.of(Map.of("field", "site", "code", "SITE_FAILED", "message", reason)));
        folder.appendLine(SiteBuilder.REJECTED_LOG, toJson(line));
    }

    private String toJson(Map<String, Object> line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A log line could not be written as JSON", e);
        }
    }
}
