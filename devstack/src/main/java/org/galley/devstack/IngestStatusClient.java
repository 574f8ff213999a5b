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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks a running ingest for stories' statuses: which revision of a story ingest has accepted
 * ({@code GET /v1/articles/{id}}), so a publisher resuming over kept data knows what an earlier run already sent,
 * and what became of each story ({@link StoryStatus}), which {@code ./galley up} follows the stories in flight by,
 * many in one request ({@code POST /v1/statuses}). The revision question waits out the 503s ingest answers while
 * it starts or rebalances; a status look leaves out what cannot be read then, to be asked again.
 */
final class IngestStatusClient {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The most stories ingest answers about in one request. */
    static final int MOST_IDS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String articlesUrl;
    private final URI statusesUrl;
    private final Optional<String> token;

    /** @param articlesUrl ingest's {@code /v1/articles} URL; {@code token} its bearer token, if it needs one */
    IngestStatusClient(String articlesUrl, Optional<String> token) {
        this.articlesUrl = articlesUrl;
        // POST /v1/statuses sits beside /v1/articles.
        this.statusesUrl = URI.create(articlesUrl).resolve("statuses");
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

    /**
     * The statuses of the stories with these article ids now, asked in one request per {@link #MOST_IDS}
     * ({@code POST /v1/statuses}), by article id; a story ingest knows nothing of yet, or cannot read this moment
     * (starting, rebalancing), is left out, to be asked about again.
     */
    Map<String, StoryStatus> statuses(Collection<String> articleIds) {
        Map<String, StoryStatus> statuses = new HashMap<>();
        List<String> ids = List.copyOf(articleIds);
        for (int from = 0; from < ids.size(); from += MOST_IDS) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MOST_IDS));
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(statusesUrl)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("ids", chunk))));
                token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503) {
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Ingest answered " + response.statusCode() + " for the statuses of "
                            + chunk.size() + " stories: " + response.body());
                }
                for (JsonNode status : JSON.readTree(response.body()).path("statuses")) {
                    StoryStatus read = StoryStatus.fromJson(status);
                    statuses.put(read.articleId(), read);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot ask ingest for the statuses of " + chunk.size() + " stories: "
                        + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while asking ingest for the statuses of stories", e);
            }
        }
        return statuses;
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
