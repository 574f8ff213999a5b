package org.galley.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import org.apache.kafka.streams.KeyValue;
import org.galley.enrich.related.Position;
import org.galley.events.ArticleEnriched;

/**
 * The order in which drafts that waited together are indexed: stories oldest publication first (by the
 * publication time of each story's first waiting draft, then article id), and each story's own drafts in the order
 * they arrived, so a correction or a takedown never overtakes the revision before it.
 */
final class WaitingDrafts {

    private WaitingDrafts() {
    }

    /** The waiting-store key: article id, then the draft's offset on the index topic, zero-padded to sort. */
    static String key(String articleId, long offset) {
        return articleId + '\u0000' + String.format("%020d", offset);
    }

    /**
     * The drafts to index now: each story whose first waiting draft {@code isDue}, and with them every waiting
     * story published before the latest of those (indexing an earlier story sooner never costs a re-send; indexing
     * it after a later one does). A story's drafts always go together, so a correction never overtakes the
     * revision before it.
     */
    static List<KeyValue<String, ArticleEnriched>> ready(List<KeyValue<String, ArticleEnriched>> waiting,
                                                         BiPredicate<String, ArticleEnriched> isDue) {
        Map<String, KeyValue<String, ArticleEnriched>> firstOfStory = new LinkedHashMap<>();
        for (KeyValue<String, ArticleEnriched> entry : waiting) {
            firstOfStory.putIfAbsent(entry.value.getSubmission().getArticleId(), entry);
        }
        Position latestDue = null;
        for (KeyValue<String, ArticleEnriched> first : firstOfStory.values()) {
            Position at = position(first.value);
            if (isDue.test(first.key, first.value) && (latestDue == null || at.compareTo(latestDue) > 0)) {
                latestDue = at;
            }
        }
        if (latestDue == null) {
            return List.of();
        }
        Position until = latestDue;
        return waiting.stream()
                .filter(entry -> position(firstOfStory.get(entry.value.getSubmission().getArticleId()).value)
                        .compareTo(until) <= 0)
                .toList();
    }

    /** {@code waiting} in the store's key order (article id, then offset), indexed in publication order. */
    static List<ArticleEnriched> inPublicationOrder(List<KeyValue<String, ArticleEnriched>> waiting) {
        Map<String, List<ArticleEnriched>> byStory = new LinkedHashMap<>();
        for (KeyValue<String, ArticleEnriched> entry : waiting) {
            byStory.computeIfAbsent(entry.value.getSubmission().getArticleId(), id -> new ArrayList<>())
                    .add(entry.value);
        }
        List<List<ArticleEnriched>> stories = new ArrayList<>(byStory.values());
        stories.sort(Comparator.comparing(drafts -> position(drafts.get(0))));
        return stories.stream().flatMap(List::stream).toList();
    }

    private static Position position(ArticleEnriched draft) {
        return new Position(draft.getFirstPublishedAt(), draft.getSubmission().getArticleId());
    }
}
