package org.galley.ingest.http;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every handler of ingest's HTTP API answers: JSON bodies, RFC 9457 problems, the bearer-token check, and
 * failures whose internal cause goes to the log, never to the client.
 */
final class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static void json(Context ctx, int status, Object body) {
        write(ctx, status, "application/json", body);
    }

    static void problem(Context ctx, Problem problem) {
        write(ctx, problem.status(), Problem.MEDIA_TYPE, problem);
    }

    /** True when the request may go on; otherwise answers 401 and the caller stops. */
    static boolean authorized(Context ctx, Optional<String> token) {
        if (BearerToken.permits(token, ctx.header("Authorization"))) {
            return true;
        }
        ctx.header("WWW-Authenticate", "Bearer");
        problem(ctx, Problem.of(401, "Unauthorized",
                "Send the ingest token as 'Authorization: Bearer <token>'.", ctx.path()));
        return false;
    }

    /**
     * Answers 503 with a generic detail and {@code Retry-After}, and logs the internal cause (exception text,
     * peers' addresses) at WARN under a new incident id that the answer also carries, so the two can be matched.
     *
     * @param detail   what the client should do, with nothing internal in it
     * @param internal what went wrong, for the log only
     * @param cause    the exception behind it, or null
     */
    static void unavailable(Context ctx, String detail, int retryAfterSeconds, String internal, Throwable cause) {
        String incident = Incidents.newId();
        log.warn("Incident {}: {} {} answered 503: {}{}", incident, ctx.method(), LogText.of(ctx.path()), internal,
                cause == null ? "" : " (" + causes(cause) + ")");
        ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        problem(ctx, Problem.of(503, "Service Unavailable", detail, ctx.path()).withIncident(incident));
    }

    /**
     * Answers 500 for an exception no handler expected; the exception is logged at ERROR, with its stack, under
     * an incident id that the answer also carries.
     */
    static void failed(Context ctx, Exception error) {
        String incident = Incidents.newId();
        log.error("Incident {}: {} {} failed", incident, ctx.method(), LogText.of(ctx.path()), error);
        problem(ctx, Problem.of(500, "Internal Server Error",
                "The request failed inside ingest; nothing is known to be stored. Try again.", ctx.path())
                .withIncident(incident));
    }

    /** Each exception of the cause chain as "Class: message", outermost first. */
    private static String causes(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable at = cause; at != null && text.length() < 2000; at = at.getCause() == at ? null : at.getCause()) {
            text.append(text.length() == 0 ? "" : "; caused by ").append(at);
        }
        return text.toString();
    }

    private static void write(Context ctx, int status, String contentType, Object body) {
        try {
            ctx.status(status).contentType(contentType + ";charset=utf-8").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the response", e);
        }
    }
}
