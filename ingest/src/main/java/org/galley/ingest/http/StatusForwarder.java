package org.galley.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks the ingest instance that holds a story's status for it, when that is not this one: the same
 * {@code GET /v1/articles/{id}}, or for many stories one {@code POST /v1/statuses} per instance, with the caller's
 * {@code Authorization} header (every instance takes the same token) and a header marking it as forwarded, so an
 * instance that does not hold a story either answers it unavailable instead of passing it on again.
 */
final class StatusForwarder {

    static final String FORWARDED = "X-Galley-Forwarded";

    /** Reads a peer's answer; one that is newer than this instance may carry fields this one does not know. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        String authority = authority(host, port);
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

    /**
     * Asks the instance at {@code host:port} for the statuses of all the ids in one request, without waiting for
     * the answer.
     *
     * @return its answer; completes exceptionally when it could not be reached, did not answer in time, or
     *         answered anything but 200 with a {@link StatusBatch}
     */
    CompletableFuture<StatusBatch> forwardBatch(String host, int port, Collection<String> ids, String authorization) {
        String authority = authority(host, port);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("ids", ids));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + authority + StatusBatchEndpoint.PATH))
                .timeout(timeout)
                .header(FORWARDED, "1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(new IOException(authority + " answered " + response.statusCode()));
            }
            try {
                return JSON.readValue(response.body(), StatusBatch.class);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static String authority(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
