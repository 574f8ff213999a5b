package org.galley.registry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Carries {@link RegistryRoutes} over the JDK's HTTP server: checks the request's content type,
 * hands method, URI and body to the routes, and writes the JSON answer typed as Confluent's
 * {@code application/vnd.schemaregistry.v1+json}.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Set<String> ACCEPTED_BODY_TYPES = Set.of(
            CONTENT_TYPE, "application/vnd.schemaregistry+json", "application/json");

    private final RegistryRoutes routes;

    RegistryHttpHandler(RegistryRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            ApiReply reply = body.length > 0 && !acceptsBody(contentType)
                    ? ApiReply.error(415, 415, "HTTP 415 Unsupported Media Type: " + contentType)
                    : routes.handle(ApiRequest.of(exchange.getRequestMethod(), exchange.getRequestURI(), body));
            byte[] answer = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
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
