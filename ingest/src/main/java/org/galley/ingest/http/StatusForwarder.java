package org.galley.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the ingest instance that holds a story's status for it, when that is not this one: the same
 * {@code GET /v1/articles/{id}}, with the caller's {@code Authorization} header (every instance takes the
 * same token) and a header marking it as forwarded, so an instance that does not hold it either answers 503
 * instead of passing it on again.
 */
final class StatusForwarder {

    static final String FORWARDED = "X-Galley-Forwarded";

    private final HttpClient client;
    private final Duration timeout;

    StatusForwarder(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** The other instance's answer, as it gave it. */
    record Answer(int status, String contentType, Optional<String> retryAfter, byte[] body) {
    }

    /**
     * @throws IOException when the other instance could not be reached or did not answer in time
     */
    Answer forward(String host, int port, String articleId, String authorization) throws IOException {
        String authority = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + authority + ArticleEndpoints.statusUrl(articleId)))
                .timeout(timeout)
                .header(FORWARDED, "1")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.headers().firstValue("Retry-After"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + authority, e);
        }
    }
}
