package org.galley.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.javalin.http.Context;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.status.StatusLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/statuses} with {@code {"ids": [...]}}: where each of up to {@link StatusQuery#MAX_IDS} stories
 * stands, in one request, for a tool that follows many at once. 200 with a {@link StatusBatch}: each story's
 * {@link StatusView}, the ids no stage has seen, and the ids that cannot be read right now. The ids another ingest
 * instance holds are asked of it in one forwarded request per instance; an instance that does not answer makes
 * only its ids unavailable. 400 for a body that cannot be read, 413 for too many ids or bytes.
 *
 * <p>It lives outside {@code /v1/articles/} so that no article id, whatever it is, can name the same route.
 */
final class StatusBatchEndpoint {

    static final String PATH = "/v1/statuses";

    private static final Logger log = LoggerFactory.getLogger(StatusBatchEndpoint.class);

    private final IngestSettings settings;
    private final StatusLookup lookup;
    private final StatusForwarder forwarder;

    StatusBatchEndpoint(IngestSettings settings, StatusLookup lookup, StatusForwarder forwarder) {
        this.settings = settings;
        this.lookup = lookup;
        this.forwarder = forwarder;
    }

    /** Where the ids held by one other instance are sent. */
    private record Peer(String host, int port) {
    }

    void post(Context ctx) {
        if (!Replies.authorized(ctx, settings.bearerToken())) {
            return;
        }
        byte[] body = readBody(ctx);
        if (body == null) {
            return;
        }
        StatusQuery.Read query = StatusQuery.read(body);
        if (query instanceof StatusQuery.Refused refused) {
            Replies.problem(ctx, refused.tooMany()
                    ? Problem.of(413, "Content Too Large", "Too many ids; ask about at most " + StatusQuery.MAX_IDS
                            + " stories per request.", ctx.path(), List.of(refused.reason()))
                    : Problem.of(400, "Bad Request", "The request could not be read. Fix the fields listed in "
                            + "errors.", ctx.path(), List.of(refused.reason())));
            return;
        }
        List<StatusView> statuses = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Map<Peer, List<String>> elsewhere = new LinkedHashMap<>();
        boolean forwarded = ctx.header(StatusForwarder.FORWARDED) != null;
        lookup.findAll(((StatusQuery.Ids) query).ids()).forEach((articleId, result) -> {
            if (result instanceof StatusLookup.Found found) {
                statuses.add(StatusView.of(found.status()));
            } else if (result instanceof StatusLookup.Missing) {
                unknown.add(articleId);
            } else if (result instanceof StatusLookup.Elsewhere owner && !forwarded) {
                elsewhere.computeIfAbsent(new Peer(owner.host(), owner.port()), peer -> new ArrayList<>()).add(articleId);
            } else {
                // Unreadable here, or forwarded here by an instance that named this one: they disagree only while
                // they rebalance.
                unavailable.add(articleId);
            }
        });
        Map<Peer, CompletableFuture<StatusBatch>> asked = new LinkedHashMap<>();
        String authorization = ctx.header("Authorization");
        elsewhere.forEach((peer, ids) -> asked.put(peer, forwarder.forwardBatch(peer.host(), peer.port(), ids,
                authorization)));
        asked.forEach((peer, answer) -> {
            try {
                StatusBatch theirs = answer.join();
                statuses.addAll(theirs.statuses());
                unknown.addAll(theirs.unknown());
                unavailable.addAll(theirs.unavailable());
            } catch (RuntimeException e) {
                log.warn("{} statuses held by {}:{} reported unavailable: that instance did not answer ({})",
                        elsewhere.get(peer).size(), peer.host(), peer.port(), e.getCause() == null ? e : e.getCause());
                unavailable.addAll(elsewhere.get(peer));
            }
        });
        Replies.json(ctx, 200, new StatusBatch(statuses, unknown, unavailable));
    }

    /** The body, or null after answering 413 when it is over the request size limit. */
    private byte[] readBody(Context ctx) {
        int limit = settings.maxStoryBytes();
        byte[] bytes = null;
        if (ctx.req().getContentLengthLong() <= limit) {
            try (InputStream in = ctx.bodyInputStream()) {
                bytes = in.readNBytes(limit + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (bytes == null || bytes.length > limit) {
            Replies.problem(ctx, Problem.of(413, "Content Too Large", "The request is larger than the limit of "
                    + limit + " bytes; ask about fewer stories at once.", ctx.path()));
            return null;
        }
        return bytes;
    }
}
