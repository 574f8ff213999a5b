package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.ingest.http.FrontDoor.JSON;
import static org.galley.ingest.http.FrontDoor.assertProblem;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import org.galley.events.ArticleStatus;
import org.galley.events.StoryState;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.status.StatusLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure inside ingest or Kafka is answered with a generic problem (and, for 503, {@code Retry-After}) that
 * carries an incident id and no internal text: no exception message, topic, partition or peer address. The
 * internal text is logged under the same id, so operations can find what a client saw.
 */
class InternalErrorsStayInTheLogTest {

    private static final String GOOD = BadStoriesOverHttpTest.GOOD;

    private FrontDoor front;
    private IngestHttpServer server;
    private final CapturedLog log = new CapturedLog(Replies.class);

    @AfterEach
    void close() {
        log.close();
        if (front != null) {
            front.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubmissionKafkaDidNotStoreIsAnsweredWithoutKafkasWordsWhichAreLoggedUnderTheIncident() throws Exception {
        front = FrontDoor.open();
        front.sink.failing = true;

        HttpResponse<String> response = front.post("application/json", GOOD);

        JsonNode problem = assertGenericUnavailable(response, "5");
        assertThat(problem.get("detail").asText()).isEqualTo("The submission was not stored; send it again.");
        assertLoggedUnder(problem, Level.WARN, RecordingSink.FAILURE, RecordingSink.FAILURE_CAUSE);
    }

    @Test
    void aRejectionKafkaDidNotStoreIsAnsweredWithoutKafkasWordsWhichAreLoggedUnderTheIncident() throws Exception {
        front = FrontDoor.open();
        front.sink.failing = true;

        HttpResponse<String> response = front.post("application/json", GOOD.replace("\"H\"", "\"\""));

        JsonNode problem = assertGenericUnavailable(response, "5");
        assertThat(problem.get("detail").asText()).contains("rejection was not recorded");
        assertLoggedUnder(problem, Level.WARN, RecordingSink.FAILURE_CAUSE);
    }

    @Test
    void aTakedownKafkaDidNotStoreIsAnsweredWithoutKafkasWords() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(ArticleStatus.newBuilder().setArticleId("story").setState(StoryState.PUBLISHED)
                .setRevision(1L).setAcceptedRevision(1L).setUpdatedAt(FrontDoor.NOW).setReasons(List.of())
                .setHistory(List.of()).build());
        front.sink.failing = true;

        HttpResponse<String> response = front.send(front.request("/v1/articles/story?revision=2").DELETE());

        assertLoggedUnder(assertGenericUnavailable(response, "5"), Level.WARN, RecordingSink.FAILURE_CAUSE);
    }

    @Test
    void anUnreadableStatusStoreIsAnsweredWithoutStreamsWordsWhichAreLoggedUnderTheIncident() throws Exception {
        String internal = "Cannot get state store article-status because the stream thread is PENDING_SHUTDOWN";
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Unavailable(internal));

        HttpResponse<String> response = front.get("/v1/articles/story");

        JsonNode problem = assertGenericUnavailable(response, "1");
        assertThat(response.body()).doesNotContain("article-status").doesNotContain("PENDING_SHUTDOWN");
        assertLoggedUnder(problem, Level.WARN, internal);
    }

    @Test
    void anOwnerThatDoesNotAnswerIsNeverNamedToTheClientOnlyInTheLog() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Elsewhere("127.0.0.1", closedPort));

        HttpResponse<String> response = front.get("/v1/articles/story");

        JsonNode problem = assertGenericUnavailable(response, "1");
        assertThat(response.body()).doesNotContain(Integer.toString(closedPort)).doesNotContain("127.0.0.1");
        assertLoggedUnder(problem, Level.WARN, "127.0.0.1:" + closedPort);
    }

    @Test
    void aStatusRequestBouncedBetweenInstancesIsAnsweredWithoutEitherAddress() throws Exception {
        front = FrontDoor.open();
        front.statuses.answers.put("story", new StatusLookup.Elsewhere("127.0.0.1", front.server.port()));

        HttpResponse<String> response = front.send(front.request("/v1/articles/story")
                .header(StatusForwarder.FORWARDED, "1").GET());

        JsonNode problem = assertGenericUnavailable(response, "1");
        assertThat(response.body()).doesNotContain(Integer.toString(front.server.port()));
        assertLoggedUnder(problem, Level.WARN, "127.0.0.1:" + front.server.port());
    }

    @Test
    void anUnexpectedExceptionIsAGeneric500WhoseExceptionIsLoggedUnderTheIncident() throws Exception {
        String internal = "NullPointerException in /var/lib/galley/state/0_1/rocksdb";
        StatusLookup broken = articleId -> {
            throw new IllegalStateException(internal);
        };
        server = new IngestHttpServer(IngestSettings.defaults().withHttpPort(0), new RecordingSink(), broken,
                Clock.fixed(FrontDoor.NOW, ZoneOffset.UTC));
        server.start();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/articles/story")).build(), BodyHandlers.ofString());

        JsonNode problem = assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("rocksdb").doesNotContain("IllegalState");
        assertThat(problem.get("incident").asText()).matches("[0-9a-f]{16}");
        assertLoggedUnder(problem, Level.ERROR, internal);
    }

    @Test
    void everyIncidentHasItsOwnId() throws Exception {
        front = FrontDoor.open();
        front.sink.failing = true;

        String first = JSON.readTree(front.post("application/json", GOOD).body()).get("incident").asText();
        String second = JSON.readTree(front.post("application/json", GOOD).body()).get("incident").asText();

        assertThat(first).isNotEqualTo(second);
    }

    private static JsonNode assertGenericUnavailable(HttpResponse<String> response, String retryAfter)
            throws Exception {
        JsonNode problem = assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
        assertThat(problem.get("incident").asText()).matches("[0-9a-f]{16}");
        assertThat(response.body()).doesNotContain("Kafka").doesNotContain("broker").doesNotContain("articles.")
                .doesNotContain("Exception").doesNotContain("Expiring");
        return problem;
    }

    private void assertLoggedUnder(JsonNode problem, Level level, String... internals) {
        String incident = problem.get("incident").asText();
        assertThat(log.at(level)).filteredOn(line -> line.contains(incident)).singleElement()
                .satisfies(line -> assertThat(line).contains(internals));
    }
}
