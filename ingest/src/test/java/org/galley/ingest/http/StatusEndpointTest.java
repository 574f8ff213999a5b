package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.ingest.http.FrontDoor.JSON;
import static org.galley.ingest.http.FrontDoor.assertProblem;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.galley.events.ArticleStatus;
import org.galley.events.RejectionReason;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.status.StatusLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusEndpointTest {

    private static final Instant AT = Instant.parse("2026-04-28T10:01:00Z");

    private FrontDoor front;
    private FrontDoor other;

    @AfterEach
    void close() {
        for (FrontDoor door : new FrontDoor[] {front, other}) {
            if (door != null) {
                door.close();
            }
        }
    }

    @Test
    void aPublishedStoryAnswersItsStateRevisionUrlAndHistory() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("ms-openai", StoryState.PUBLISHED, 2L)
                .setUrl("https://stackdigest.org/ai/ms-openai/").setPath("/ai/ms-openai/")
                .setHistory(List.of(new StatusChange(StoryState.SUBMITTED, 2L, AT),
                        new StatusChange(StoryState.PUBLISHED, 2L, AT)))
                .build());

        var response = front.get("/v1/articles/ms-openai");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("articleId").asText()).isEqualTo("ms-openai");
        assertThat(body.get("state").asText()).isEqualTo("published");
        assertThat(body.get("revision").asLong()).isEqualTo(2);
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-04-28T10:01:00Z");
        assertThat(body.get("url").asText()).isEqualTo("https://stackdigest.org/ai/ms-openai/");
        assertThat(body.get("path").asText()).isEqualTo("/ai/ms-openai/");
        assertThat(body.has("reasons")).isFalse();
        assertThat(body.get("history")).extracting(change -> change.get("state").asText())
                .containsExactly("submitted", "published");
    }

    @Test
    void aRejectedStoryAnswersEveryReason() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("bad", StoryState.REJECTED, 1L)
                .setReasons(List.of(new RejectionReason("headline", "required", "The headline is missing.")))
                .build());

        JsonNode body = JSON.readTree(front.get("/v1/articles/bad").body());

        assertThat(body.get("state").asText()).isEqualTo("rejected");
        assertThat(body.has("url")).isFalse();
        JsonNode reason = body.get("reasons").get(0);
        assertThat(reason.get("field").asText()).isEqualTo("headline");
        assertThat(reason.get("code").asText()).isEqualTo("required");
        assertThat(reason.get("message").asText()).isEqualTo("The headline is missing.");
    }

    @Test
    void aFailedStoryAnswersTheStageTheReasonAndTheNewestAcceptedRevision() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("big", StoryState.FAILED, 2L).setStage("render").setAcceptedRevision(2L)
                .setReasons(List.of(new RejectionReason("render", "too-large", "The render stage made a page too large.")))
                .setHistory(List.of(new StatusChange(StoryState.ACCEPTED, 2L, AT), new StatusChange(StoryState.FAILED, 2L, AT)))
                .build());

        JsonNode body = JSON.readTree(front.get("/v1/articles/big").body());

        assertThat(body.get("state").asText()).isEqualTo("failed");
        assertThat(body.get("stage").asText()).isEqualTo("render");
        assertThat(body.get("revision").asLong()).isEqualTo(2);
        assertThat(body.get("acceptedRevision").asLong()).isEqualTo(2);
        assertThat(body.get("reasons").get(0).get("code").asText()).isEqualTo("too-large");
        assertThat(body.get("history")).extracting(change -> change.get("state").asText())
                .containsExactly("accepted", "failed");
    }

    @Test
    void anUnknownStoryIsAProblemNotFound() throws Exception {
        front = FrontDoor.open();

        assertProblem(front.get("/v1/articles/nobody-wrote-this"), 404);
    }

    @Test
    void whileTheStoreIsNotQueryableTheAnswerIsUnavailableWithRetryAfter() throws Exception {
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Unavailable("rebalancing"));

        var response = front.get("/v1/articles/story");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void withATokenConfiguredTheStatusNeedsItToo() throws Exception {
        front = new FrontDoor(IngestSettings.defaults().withBearerToken("s3cret"));
        front.statuses.put(status("story", StoryState.ACCEPTED, 1L).build());

        assertProblem(front.get("/v1/articles/story"), 401);
        assertThat(front.send(front.request("/v1/articles/story").header("Authorization", "Bearer s3cret").GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aStoryHeldByAnotherInstanceIsAskedForThereWithTheCallersToken() throws Exception {
        other = new FrontDoor(IngestSettings.defaults().withBearerToken("s3cret"));
        other.statuses.put(status("a b/ü", StoryState.ACCEPTED, 4L).build());
        front = new FrontDoor(IngestSettings.defaults().withBearerToken("s3cret"));
        front.statuses.answers.put("a b/ü", new StatusLookup.Elsewhere("127.0.0.1", other.server.port()));

        var response = front.send(front.request("/v1/articles/a%20b%2F%C3%BC")
                .header("Authorization", "Bearer s3cret").GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("revision").asLong()).isEqualTo(4);
    }

    @Test
    void theOtherInstancesProblemIsPassedOnAsItIs() throws Exception {
        other = FrontDoor.open();
        other.statuses.answers.put("story", new StatusLookup.Unavailable("rebalancing"));
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Elsewhere("127.0.0.1", other.server.port()));

        var response = front.get("/v1/articles/story");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() throws Exception {
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Elsewhere("127.0.0.1", front.server.port()));

        assertProblem(front.get("/v1/articles/story"), 503);
    }

    @Test
    void anOwnerThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Elsewhere("127.0.0.1", closedPort));

        var response = front.get("/v1/articles/story");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    /** Every list set, since the builder's defaults would load generated classes through Avro's allow-list. */
    private static ArticleStatus.Builder status(String articleId, StoryState state, Long revision) {
        return ArticleStatus.newBuilder().setArticleId(articleId).setState(state).setRevision(revision)
                .setUpdatedAt(AT).setReasons(List.of()).setHistory(List.of());
    }
}
