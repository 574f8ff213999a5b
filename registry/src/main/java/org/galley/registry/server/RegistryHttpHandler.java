package org.galley.registry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries {@link RegistryRoutes} over the JDK's HTTP server: checks the request's size and content type,
 * hands method, URI and body to the routes, and writes the JSON answer typed as Confluent's
 * {@code application/vnd.schemaregistry.v1+json}. A body over {@link #MAX_BODY_BYTES} is refused with 413
 * before it is read in full; an unexpected failure is logged and answered with a bare 500, never its text.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** The largest request body read: 1 MiB, far above any real Avro schema, small enough that no client can exhaust memory. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** How much of a refused body is read and dropped so that the client still gets its 413. */
    static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

    private static final ApiReply TOO_LARGE = ApiReply.error(413, 413,
            "Request body is larger than the registry accepts (" + MAX_BODY_BYTES + " bytes)");
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);

    private static final Set<String> ACCEPTED_BODY_TYPES = Set.of(
            CONTENT_TYPE, "application/vnd.schemaregistry+json", "application/json");

    private final RegistryRoutes routes;

    RegistryHttpHandler(RegistryRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiReply reply;
            try {
                reply = answer(exchange);
            } catch (IOException | RuntimeException failed) {
                LOG.error("Registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), failed);
                reply = RegistryRoutes.INTERNAL_ERROR;
            }
            byte[] answer = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private ApiReply answer(HttpExchange exchange) throws IOException {
        long declared = declaredLength(exchange.getRequestHeaders().getFirst("Content-Length"));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            if (declared > MAX_BODY_BYTES) {
                return tooLarge(exchange, in);
            }
            // one byte more than allowed tells a chunked body that is too large from one that just fits
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                return tooLarge(exchange, in);
            }
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0 && !acceptsBody(contentType)) {
            return ApiReply.error(415, 415, "HTTP 415 Unsupported Media Type");
        }
        return routes.handle(ApiRequest.of(exchange.getRequestMethod(), exchange.getRequestURI(), body));
    }

    /**
     * Refuses a body over the limit. Up to {@link #MAX_DISCARDED_BYTES} of it are read and thrown away
     * first: a server that closes a connection with unread data resets it, and the client then loses the
     * 413 answer too. Beyond that the connection is simply closed.
     */
    private static ApiReply tooLarge(HttpExchange exchange, InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long discarded = 0;
        int read;
        while (discarded < MAX_DISCARDED_BYTES && (read = in.read(buffer)) >= 0) {
            discarded += read;
        }
        exchange.getResponseHeaders().set("Connection", "close");
        return TOO_LARGE;
    }

    /** The Content-Length a request declares, or -1 if it declares none (chunked) or an unreadable one. */
    static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /** Whether a request body of this content type is read; a missing type is taken as JSON. */
    static boolean acceptsBody(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ACCEPTED_BODY_TYPES.contains(mediaType);
    }
}
