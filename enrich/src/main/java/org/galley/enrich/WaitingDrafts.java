package org.galley.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
