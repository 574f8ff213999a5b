package org.galley.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the published and rejected streams into a site folder: one page per live story, a home page listing
 * them newest first, and two logs a newsroom can read or diff: {@code published.jsonl} (one line per published
 * or unpublished event) and {@code rejected.jsonl} (one line per rejection, with its reasons).
 *
 * <p>It holds only what it learnt from events, so replaying the topics from the beginning into an empty
 * folder rebuilds the same site.
 */
public final class SiteBuilder {

    public static final String PUBLISHED_LOG = "published.jsonl";
    public static final String REJECTED_LOG = "rejected.jsonl";
    public static final String HOME = "index.html";

    private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);
    private static final Comparator<ListedStory> NEWEST_FIRST = Comparator
            .comparing(ListedStory::publishedAt).reversed()
            .thenComparing(ListedStory::articleId);

    private final SiteFolder folder;
    private final HomePage homePage;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ListedStory> live = new HashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private boolean homeIsStale = true;

    public SiteBuilder(SiteFolder folder, HomePage homePage) {
        this.folder = folder;
        this.homePage = homePage;
    }

    /** Starts from nothing: the logs are rewritten as the topics are replayed. */
    public void reset() {
        folder.write(PUBLISHED_LOG, "");
        folder.write(REJECTED_LOG, "");
        live.clear();
        outcomes.clear();
        homeIsStale = true;
    }

    public void apply(ArticlePublished event) {
        String file = SitePaths.fileOf(event.getPath());
        if (event.getAction() == Action.PUBLISH && event.getPage() != null) {
            ListedStory story = ListedStory.from(event);
            ListedStory previous = live.put(event.getArticleId(), story);
            if (previous != null && !previous.path().equals(story.path())) {
                folder.delete(SitePaths.fileOf(previous.path()));
            }
            folder.write(file, event.getPage().getHtml());
            outcomes.put(event.getArticleId(), new Outcome(Outcome.Kind.PUBLISHED, event.getArticleId(),
                    event.getRevision(), event.getPath(), List.of()));
        } else {
            ListedStory previous = live.remove(event.getArticleId());
            folder.delete(file);
            if (previous != null && !previous.path().equals(event.getPath())) {
                folder.delete(SitePaths.fileOf(previous.path()));
            }
            outcomes.put(event.getArticleId(), new Outcome(Outcome.Kind.UNPUBLISHED, event.getArticleId(),
                    event.getRevision(), event.getPath(), List.of()));
        }
        folder.appendLine(PUBLISHED_LOG, toJson(publishedLine(event, file)));
        homeIsStale = true;
    }

    public void apply(ArticleRejected event) {
        List<String> reasons = event.getReasons().stream()
                .map(reason -> reason.getField() + ": " + reason.getMessage())
                .toList();
        folder.appendLine(REJECTED_LOG, toJson(rejectedLine(event)));
        if (event.getArticleId() != null) {
            outcomes.put(event.getArticleId(), new Outcome(Outcome.Kind.REJECTED, event.getArticleId(),
                    event.getRevision(), null, reasons));
        }
        log.info("Rejected {}: {}", event.getArticleId(), reasons);
    }

    /** Rewrites the home page if anything changed since the last call; called once per batch of events. */
    public void flush() {
        if (homeIsStale) {
            List<ListedStory> stories = new ArrayList<>(live.values());
            stories.sort(NEWEST_FIRST);
            folder.write(HOME, homePage.render(stories));
            homeIsStale = false;
        }
    }

    /** What became of a story so far, for the local stack's progress report. */
    public Optional<Outcome> outcome(String articleId) {
        return Optional.ofNullable(outcomes.get(articleId));
    }

    private static Map<String, Object> publishedLine(ArticlePublished event, String file) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("articleId", event.getArticleId());
        line.put("revision", event.getRevision());
        line.put("action", event.getAction().name());
        line.put("slug", event.getSlug());
        line.put("url", event.getUrl());
        line.put("path", file);
        line.put("occurredAt", event.getOccurredAt().toString());
        if (event.getPage() != null) {
            ListedStory story = ListedStory.from(event);
            line.put("headline", story.headline());
            line.put("category", story.category());
            line.put("byline", story.byline());
            line.put("wordCount", story.wordCount());
            line.put("readingTimeMinutes", story.readingTimeMinutes());
            line.put("tags", story.tags());
            line.put("publishedAt", story.publishedAt().toString());
            line.put("updatedAt", story.updatedAt().toString());
            line.put("contentHash", story.contentHash());
        }
        return line;
    }

    private static Map<String, Object> rejectedLine(ArticleRejected event) {
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
        return line;
    }

    private String toJson(Map<String, Object> line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A log line could not be written as JSON", e);
        }
    }
}
