package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A newsroom tool talking to ingest's HTTP API ({@code /v1/articles}), as the ITs of held stories use it: send a
 * story as JSON, take one down, and follow a story's status until it reaches a state.
 */
final class NewsroomDesk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String articlesUrl;

    /** @param articlesUrl ingest's {@code http://host:port/v1/articles} */
    NewsroomDesk(String articlesUrl) {
        this.articlesUrl = articlesUrl;
    }

    /** Sends the story as JSON; ingest must take it ({@code 202}). */
    void send(Map<String, Object> story) {
        HttpResponse<String> reply = call(HttpRequest.newBuilder(URI.create(articlesUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(story))).build());
        assertThat(reply.statusCode()).as("%s revision %s taken: %s", story.get("articleId"), story.get("revision"),
                reply.body()).isEqualTo(202);
    }

    /** Takes the story down as its next revision; ingest must take the takedown ({@code 202}). */
    void takeDown(String articleId) {
        HttpResponse<String> reply = call(HttpRequest.newBuilder(URI.create(articlesUrl + "/" + articleId))
                .DELETE().build());
        assertThat(reply.statusCode()).as("takedown of %s taken: %s", articleId, reply.body()).isEqualTo(202);
    }

    /** The story's status as {@code GET /v1/articles/{id}} answers it now. */
    JsonNode status(String articleId) {
        HttpResponse<String> reply = call(HttpRequest.newBuilder(URI.create(articlesUrl + "/" + articleId)).GET().build());
        assertThat(reply.statusCode()).as("status of %s: %s", articleId, reply.body()).isEqualTo(200);
        return read(reply.body());
    }

    /** Asks for the story's status until it is in {@code state}; a real pipeline takes its time. */
    JsonNode awaitState(String articleId, String state) {
        return awaitState(articleId, state, 0);
    }

    /**
     * Asks for the story's status until it is in {@code state} at {@code revision} (any, when 0): a second
     * revision's state must not be taken from the first's.
     */
    JsonNode awaitState(String articleId, String state, long revision) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last;
        do {
            HttpResponse<String> reply = call(HttpRequest.newBuilder(URI.create(articlesUrl + "/" + articleId))
                    .GET().build());
            last = reply.statusCode() + " " + reply.body();
            if (reply.statusCode() == 200) {
                JsonNode status = read(reply.body());
                if (status.path("state").asText().equals(state)
                        && (revision == 0 || status.path("revision").asLong() == revision)) {
                    return status;
                }
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(articleId + " never reached " + state + (revision == 0 ? "" : " at revision "
                + revision) + " within " + WAIT + "; last answer " + last);
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("ingest could not be asked: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A tenth of a second between looks at something the test waits for. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String json(Map<String, Object> story) {
        try {
            return JSON.writeValueAsString(story);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
