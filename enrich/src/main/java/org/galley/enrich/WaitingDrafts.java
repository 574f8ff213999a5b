package org.galley.enrich;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import org.galley.enrich.related.Position;

/**
 * What the story-index step knows of each draft waiting in its store without reading it: the story, its place in
 * the publication order and when it arrived. The drafts themselves (whole stories) stay in the store and are read
 * only when they are indexed: a punctuation every few milliseconds that decoded every waiting draft to decide
 * which are due cost more than indexing them, once thousands waited during a replay.
 *
 * <p>Drafts that waited together are indexed stories oldest publication first (by the publication time of each
 * story's first waiting draft, then article id), and each story's own drafts in the order they arrived, so a
 * correction or a takedown never overtakes the revision before it.
 */
final class WaitingDrafts {

    /** One waiting draft, by its store key. */
    record Waiting(String articleId, Instant firstPublishedAt, long arrivedAt) {
    }

    /** By store key: article id, then offset, so each story's drafts are together and in arrival order. */
    private final TreeMap<String, Waiting> waiting = new TreeMap<>();

    /** The waiting-store key: article id, then the draft's offset on the index topic, zero-padded to sort. */
    static String key(String articleId, long offset) {
        return articleId + '\u0000' + String.format("%020d", offset);
    }

    /** The story of a waiting-store key. */
    static String articleId(String key) {
        return key.substring(0, key.lastIndexOf('\u0000'));
    }

    void add(String key, Waiting draft) {
        waiting.put(key, draft);
    }

    void remove(String key) {
        waiting.remove(key);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /**
     * The keys of the drafts to index now, in the order to index them: each story whose first waiting draft
     * {@code isDue}, and with them every waiting story published before the latest of those (indexing an earlier
     * story sooner never costs a re-send; indexing it after a later one does). A story's drafts always go
     * together, so a correction never overtakes the revision before it.
     */
    List<String> due(BiPredicate<String, Waiting> isDue) {
        Map<String, List<String>> keysOfStory = new LinkedHashMap<>();
        Map<String, Position> positionOfStory = new LinkedHashMap<>();
        Position latestDue = null;
        for (Map.Entry<String, Waiting> entry : waiting.entrySet()) {
            Waiting draft = entry.getValue();
            keysOfStory.computeIfAbsent(draft.articleId(), id -> new ArrayList<>()).add(entry.getKey());
            if (!positionOfStory.containsKey(draft.articleId())) {
                Position at = new Position(draft.firstPublishedAt(), draft.articleId());
                positionOfStory.put(draft.articleId(), at);
                if (isDue.test(entry.getKey(), draft) && (latestDue == null || at.compareTo(latestDue) > 0)) {
                    latestDue = at;
                }
            }
        }
        if (latestDue == null) {
            return List.of();
        }
        Position until = latestDue;
        return positionOfStory.entrySet().stream()
                .filter(story -> story.getValue().compareTo(until) <= 0)
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .flatMap(story -> keysOfStory.get(story.getKey()).stream())
                .toList();
    }
}
