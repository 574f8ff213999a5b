package org.galley.ingest.http;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.galley.events.ArticleStatus;
import org.galley.ingest.status.StatusLookup;

/** A status lookup for tests: answers what it is told for each article id, and {@link Missing} otherwise. */
final class InMemoryStatuses implements StatusLookup {

    final Map<String, Result> answers = new ConcurrentHashMap<>();
    /** The ids of each {@link #findAll} call, in order. */
    final List<List<String>> askedTogether = new CopyOnWriteArrayList<>();

    void put(ArticleStatus status) {
        answers.put(status.getArticleId(), new Found(status));
    }

    @Override
    public Result find(String articleId) {
        return answers.getOrDefault(articleId, new Missing());
    }

    @Override
    public Map<String, Result> findAll(Collection<String> articleIds) {
        askedTogether.add(List.copyOf(articleIds));
        return StatusLookup.super.findAll(articleIds);
    }
}
