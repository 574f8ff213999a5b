package org.galley.ingest.status;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.galley.events.ArticleStatus;

/**
 * Finds a story's status for the HTTP API: in ingest's status store ({@link StreamsStatusLookup}), or in
 * memory in tests.
 */
public interface StatusLookup {

    /** Where the status of the article stands right now; never throws for an unknown or unreachable story. */
    Result find(String articleId);

    /**
     * Where each of the articles stands right now, by article id in the order given; as {@link #find} for each,
     * which an implementation may do more cheaply together.
     */
    default Map<String, Result> findAll(Collection<String> articleIds) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (String articleId : articleIds) {
            results.put(articleId, find(articleId));
        }
        return results;
    }

    /** The answer to one look-up. */
    sealed interface Result permits Found, Missing, Elsewhere, Unavailable {
    }

    /** This instance holds the story's status. */
    record Found(ArticleStatus status) implements Result {
    }

    /** No stage has seen the story (yet). */
    record Missing() implements Result {
    }

    /** Another ingest instance holds the story's status; ask it at this host and port. */
    record Elsewhere(String host, int port) implements Result {
    }

    /** The status cannot be read right now (starting, rebalancing); asking again soon will work. */
    record Unavailable(String reason) implements Result {
    }
}
