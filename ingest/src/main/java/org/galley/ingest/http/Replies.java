package org.galley.ingest.http;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** How every handler of ingest's HTTP API answers: JSON bodies, RFC 9457 problems, the bearer-token check. */
final class Replies {

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

    private static void write(Context ctx, int status, String contentType, Object body) {
        try {
            ctx.status(status).contentType(contentType + ";charset=utf-8").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the response", e);
        }
    }
}
