package org.galley.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks a running ingest for a story's status ({@code GET /v1/articles/{id}}): which revision of it ingest has
 * accepted, so a publisher resuming over kept data knows what an earlier run already sent, and what became of
 * it ({@link StoryStatus}), which {@code ./galley up} follows each story by. The revision question waits out
 * the 503s ingest answers while it starts or rebalances; a status look answers empty then, to be asked again.
 */
final class IngestStatusClient {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String articlesUrl;
    private final Optional<String> token;

    /** @param articlesUrl ingest's {@code /v1/articles} URL; {@code token} its bearer token, if it needs one */
    IngestStatusClient(String articlesUrl, Optional<String> token) {
        this.articlesUrl = articlesUrl;
        this.token = token;
    }

    /** The story's status now; empty when ingest knows no such story yet, or cannot answer this moment (503). */
    Optional<StoryStatus> status(String articleId) {
        try {
            HttpResponse<String> response = http.send(request(articleId).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 || response.statusCode() == 503) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Ingest answered " + response.statusCode() + " for the status of "
                        + articleId + ": " + response.body());
            }
            return Optional.of(StoryStatus.fromJson(JSON.readTree(response.body())));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot ask ingest for the status of " + articleId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking ingest for the status of " + articleId, e);
        }
    }

    /** The newest revision of the story ingest has accepted; empty when it has accepted none. */
    Optional<Long> acceptedRevision(String articleId) {
        HttpRequest.Builder request = request(articleId);
        Instant giveUp = Instant.now().plus(PATIENCE);
        try {
            while (true) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                if (response.statusCode() == 200) {
                    JsonNode accepted = JSON.readTree(response.body()).path("acceptedRevision");
                    return accepted.isNumber() ? Optional.of(accepted.asLong()) : Optional.empty();
                }
                if (response.statusCode() != 503 || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("Ingest answered " + response.statusCode() + " for the status of "
                            + articleId + ": " + response.body());
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot ask ingest for the status of " + articleId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking ingest for the status of " + articleId, e);
        }
    }

    private HttpRequest.Builder request(String articleId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(articlesUrl + "/" + URLEncoder.encode(articleId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET();
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return request;
    }
}
