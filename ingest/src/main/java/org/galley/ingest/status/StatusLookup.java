package org.galley.ingest.status;

import org.galley.events.ArticleStatus;

/**
 * Finds a story's status for the HTTP API: in ingest's status store ({@link StreamsStatusLookup}), or in
 * memory in tests.
 */
public interface StatusLookup {

    /** Where the status of the article stands right now; never throws for an unknown or unreachable story. */
    Result find(String articleId);

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
