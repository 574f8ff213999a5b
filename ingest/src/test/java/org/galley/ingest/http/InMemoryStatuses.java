package org.galley.ingest.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.galley.events.ArticleStatus;
import org.galley.ingest.status.StatusLookup;

/** A status lookup for tests: answers what it is told for each article id, and {@link Missing} otherwise. */
final class InMemoryStatuses implements StatusLookup {

    final Map<String, Result> answers = new ConcurrentHashMap<>();

    void put(ArticleStatus status) {
        answers.put(status.getArticleId(), new Found(status));
    }

    @Override
    public Result find(String articleId) {
        return answers.getOrDefault(articleId, new Missing());
    }
}
