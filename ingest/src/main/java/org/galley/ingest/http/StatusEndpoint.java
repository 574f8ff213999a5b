package org.galley.ingest.http;

import java.io.IOException;

import io.javalin.http.Context;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.status.StatusLookup;

/**
 * {@code GET /v1/articles/{id}}: where a story stands, from ingest's status read model. 200 with a
 * {@link StatusView}; 404 for a story no stage has seen; 503 with {@code Retry-After} while the status
 * cannot be read (ingest starting or rebalancing). When another ingest instance holds the story, the request
 * is passed to it and its answer returned.
 */
final class StatusEndpoint {

    /** Reading a status is back as soon as ingest has (re)started or rebalanced, usually within seconds. */
    private static final int RETRY_SECONDS = 1;

    private final IngestSettings settings;
    private final StatusLookup lookup;
    private final StatusForwarder forwarder;

    StatusEndpoint(IngestSettings settings, StatusLookup lookup, StatusForwarder forwarder) {
        this.settings = settings;
        this.lookup = lookup;
        this.forwarder = forwarder;
    }

    void get(Context ctx) {
        if (!Replies.authorized(ctx, settings.bearerToken())) {
            return;
        }
        String articleId = ctx.pathParam("id");
        StatusLookup.Result result = lookup.find(articleId);
        if (result instanceof StatusLookup.Found found) {
            Replies.json(ctx, 200, StatusView.of(found.status()));
        } else if (result instanceof StatusLookup.Missing) {
            Replies.problem(ctx, Problem.of(404, "Not Found", "No story '" + articleId + "' is known. A story "
                    + "answered 202 a moment ago appears here as soon as ingest has read it; ask again shortly.",
                    ctx.path()));
        } else if (result instanceof StatusLookup.Unavailable unavailable) {
            unavailable(ctx, "status of " + LogText.of(articleId) + " unreadable: " + unavailable.reason(), null);
        } else {
            forward(ctx, articleId, (StatusLookup.Elsewhere) result);
        }
    }

    private void forward(Context ctx, String articleId, StatusLookup.Elsewhere owner) {
        if (ctx.header(StatusForwarder.FORWARDED) != null) {
            // The instances disagree about who holds the story, which only lasts while they rebalance.
            unavailable(ctx, "status of " + LogText.of(articleId) + " forwarded here by another instance, which "
                    + "named " + owner.host() + ":" + owner.port() + " as its holder", null);
            return;
        }
        try {
            StatusForwarder.Answer answer = forwarder.forward(owner.host(), owner.port(), articleId,
                    ctx.header("Authorization"));
            answer.retryAfter().ifPresent(seconds -> ctx.header("Retry-After", seconds));
            ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
        } catch (IOException e) {
            unavailable(ctx, "status of " + LogText.of(articleId) + ": the instance holding it, " + owner.host() + ":"
                    + owner.port() + ", did not answer", e);
        }
    }

    /** 503: the same words whatever the cause, which (with the peer's address) is only logged. */
    private static void unavailable(Context ctx, String internal, Throwable cause) {
        Replies.unavailable(ctx, "The story's status cannot be read right now; ask again shortly.",
                RETRY_SECONDS, internal, cause);
    }
}
