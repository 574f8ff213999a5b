package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.ingest.http.FrontDoor.JSON;
import static org.galley.ingest.http.FrontDoor.assertProblem;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.galley.events.ArticleStatus;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.status.StatusLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusBatchEndpointTest {

    private static final Instant AT = Instant.parse("2026-04-28T10:01:00Z");

    private final List<FrontDoor> doors = new ArrayList<>();

    @AfterEach
    void close() {
        doors.forEach(FrontDoor::close);
    }

    @Test
    void eachStoryIsAnsweredAsTheSingleStatusWouldWithTheUnknownAndTheUnreadableNamed() throws Exception {
        FrontDoor front = open(IngestSettings.defaults());
        front.statuses.put(status("ms-openai", StoryState.PUBLISHED, 2L).setPath("/ai/ms-openai/")
                .setUrl("https://stackdigest.org/ai/ms-openai/")
                .setHistory(List.of(new StatusChange(StoryState.PUBLISHED, 2L, AT))).build());
        front.statuses.put(status("accepted", StoryState.ACCEPTED, 1L).build());
        front.statuses.answers.put("moving", new StatusLookup.Unavailable("rebalancing"));

        HttpResponse<String> response = front.send(ask(front, "{\"ids\": [\"ms-openai\", \"nobody\", \"moving\", "
                + "\"accepted\", \"ms-openai\"]}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(statusesById(body)).containsOnlyKeys("ms-openai", "accepted");
        assertThat(statusesById(body).get("ms-openai"))
                .isEqualTo(JSON.readTree(front.get("/v1/articles/ms-openai").body()));
        assertThat(texts(body.get("unknown"))).containsExactly("nobody");
        assertThat(texts(body.get("unavailable"))).containsExactly("moving");
        assertThat(front.statuses.askedTogether).containsExactly(List.of("ms-openai", "nobody", "moving", "accepted"));
    }

    @Test
    void storiesHeldByAnotherInstanceAreAskedThereInOneRequestWithTheCallersToken() throws Exception {
        IngestSettings withToken = IngestSettings.defaults().withBearerToken("s3cret");
        FrontDoor other = open(withToken);
        other.statuses.put(status("a b/ü", StoryState.ACCEPTED, 4L).build());
        other.statuses.put(status("theirs", StoryState.REJECTED, 1L).build());
        other.statuses.answers.put("busy", new StatusLookup.Unavailable("rebalancing"));
        FrontDoor front = open(withToken);
        front.statuses.put(status("ours", StoryState.ACCEPTED, 1L).build());
        for (String id : List.of("a b/ü", "theirs", "busy", "gone")) {
            front.statuses.answers.put(id, new StatusLookup.Elsewhere("127.0.0.1", other.server.port()));
        }

        HttpResponse<String> response = front.send(ask(front, "{\"ids\": [\"ours\", \"a b/ü\", \"theirs\", "
                + "\"busy\", \"gone\"]}").header("Authorization", "Bearer s3cret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(statusesById(body)).containsOnlyKeys("ours", "a b/ü", "theirs");
        assertThat(statusesById(body).get("a b/ü").get("revision").asLong()).isEqualTo(4);
        assertThat(texts(body.get("unknown"))).containsExactly("gone");
        assertThat(texts(body.get("unavailable"))).containsExactly("busy");
        assertThat(other.statuses.askedTogether).containsExactly(List.of("a b/ü", "theirs", "busy", "gone"));
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgainItsStoriesAreUnavailable() throws Exception {
        FrontDoor front = open(IngestSettings.defaults());
        front.statuses.put(status("here", StoryState.ACCEPTED, 1L).build());
        front.statuses.answers.put("story", new StatusLookup.Elsewhere("127.0.0.1", front.server.port()));

        HttpResponse<String> response = front.send(ask(front, "{\"ids\": [\"story\", \"here\"]}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(statusesById(body)).containsOnlyKeys("here");
        assertThat(texts(body.get("unavailable"))).containsExactly("story");
        assertThat(front.statuses.askedTogether).hasSize(2);
    }

    @Test
    void anInstanceThatDoesNotAnswerMakesOnlyItsStoriesUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FrontDoor front = open(IngestSettings.defaults());
        front.statuses.put(status("here", StoryState.ACCEPTED, 1L).build());
        front.statuses.answers.put("there", new StatusLookup.Elsewhere("127.0.0.1", closedPort));

        HttpResponse<String> response = front.send(ask(front, "{\"ids\": [\"here\", \"there\", \"nowhere\"]}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(statusesById(body)).containsOnlyKeys("here");
        assertThat(texts(body.get("unknown"))).containsExactly("nowhere");
        assertThat(texts(body.get("unavailable"))).containsExactly("there");
    }

    @Test
    void withATokenConfiguredTheBatchNeedsItToo() throws Exception {
        FrontDoor front = open(IngestSettings.defaults().withBearerToken("s3cret"));
        front.statuses.put(status("story", StoryState.ACCEPTED, 1L).build());

        assertProblem(front.send(ask(front, "{\"ids\": [\"story\"]}")), 401);
        assertProblem(front.send(ask(front, "{\"ids\": [\"story\"]}").header("Authorization", "Bearer wrong")), 401);
        assertThat(front.statuses.askedTogether).isEmpty();
        assertThat(front.send(ask(front, "{\"ids\": [\"story\"]}").header("Authorization", "Bearer s3cret"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aThousandIdsAreAnsweredAndOneMoreIsTooMany() throws Exception {
        FrontDoor front = open(IngestSettings.defaults());

        HttpResponse<String> thousand = front.send(ask(front, ids(StatusQuery.MAX_IDS)));
        JsonNode tooMany = assertProblem(front.send(ask(front, ids(StatusQuery.MAX_IDS + 1))), 413);

        assertThat(thousand.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(thousand.body()).get("unknown")).hasSize(StatusQuery.MAX_IDS);
        assertThat(tooMany.get("errors").get(0).get("field").asText()).isEqualTo("ids");
        assertThat(tooMany.get("errors").get(0).get("code").asText()).isEqualTo("too-many");
        assertThat(tooMany.get("errors").get(0).get("message").asText()).contains("1000");
        assertThat(front.statuses.askedTogether).hasSize(1);
    }

    @Test
    void aBodyOverTheSizeLimitIsTooLarge() throws Exception {
        FrontDoor front = open(IngestSettings.defaults().withMaxStoryBytes(64));

        assertProblem(front.send(ask(front, ids(20))), 413);
        assertThat(front.statuses.askedTogether).isEmpty();
    }

    @Test
    void aBodyThatIsNotAListOfIdsIsABadRequestNamingWhatIsWrong() throws Exception {
        FrontDoor front = open(IngestSettings.defaults());
        Map<String, String> codes = Map.of(
                "{\"ids\": [\"a\"", "malformed-json",
                "[\"a\"]", "bad-value",
                "{}", "required",
                "{\"ids\": \"a\"}", "bad-value",
                "{\"ids\": [\"a\", 7]}", "bad-value",
                "", "bad-value");

        for (Map.Entry<String, String> body : codes.entrySet()) {
            JsonNode problem = assertProblem(front.send(ask(front, body.getKey())), 400);
            assertThat(problem.get("errors").get(0).get("code").asText()).as(body.getKey()).isEqualTo(body.getValue());
        }
        assertThat(front.statuses.askedTogether).isEmpty();
    }

    private FrontDoor open(IngestSettings settings) {
        FrontDoor door = new FrontDoor(settings);
        doors.add(door);
        return door;
    }

    private static HttpRequest.Builder ask(FrontDoor front, String body) {
        return front.request(StatusBatchEndpoint.PATH).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body));
    }

    private static String ids(int count) throws IOException {
        return JSON.writeValueAsString(Map.of("ids", IntStream.range(0, count).mapToObj(i -> "story-" + i).toList()));
    }

    private static Map<String, JsonNode> statusesById(JsonNode body) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        body.get("statuses").forEach(status -> byId.put(status.get("articleId").asText(), status));
        return byId;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Every list set, since the builder's defaults would load generated classes through Avro's allow-list. */
    private static ArticleStatus.Builder status(String articleId, StoryState state, Long revision) {
        return ArticleStatus.newBuilder().setArticleId(articleId).setState(state).setRevision(revision)
                .setUpdatedAt(AT).setReasons(List.of()).setHistory(List.of());
    }
}
