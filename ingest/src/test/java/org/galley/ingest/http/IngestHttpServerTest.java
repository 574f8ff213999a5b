package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.Action;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.events.StoryState;
import org.galley.ingest.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestHttpServerTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD_JSON = """
            {"articleId": "ms-openai", "revision": 2, "headline": "Microsoft and OpenAI", "byline": "Stack Digest",
             "category": "AI", "bodyMarkdown": "Body.", "tags": ["AI"],
             "hero": {"url": "https://stackdigest.org/media/a.svg", "alt": "Two laptops"},
             "publishedAt": "2026-04-28"}
            """;

    private static final String UNNAMED_STORY = """
            ---
            headline: Budget Vote Delayed
            byline: Ana Müller
            category: City
            published: 2026-04-28
            ---
            The council will vote next week.
            """;

    private final HttpClient client = HttpClient.newHttpClient();
    private final RecordingSink sink = new RecordingSink();
    private final InMemoryStatuses statuses = new InMemoryStatuses();
    private IngestHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aJsonSubmissionIsSentAndAnsweredAcceptedWithAStatusUrl() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("application/json", GOOD_JSON);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("articleId").asText()).isEqualTo("ms-openai");
        assertThat(receipt.get("revision").asLong()).isEqualTo(2);
        assertThat(receipt.get("status").asText()).isEqualTo("submitted");
        assertThat(receipt.get("statusUrl").asText()).isEqualTo("/v1/articles/ms-openai");
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/articles/ms-openai");
        assertThat(sink.sent).hasSize(1);
        ArticleSubmitted sent = sink.sent.get(0);
        assertThat(sent.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(sent.getSubmittedAt()).isEqualTo(NOW);
        assertThat(sent.getSource()).isEqualTo("http");
        assertThat(sent.getPublishedAt()).isEqualTo(Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(sent.getHero().getAlt()).isEqualTo("Two laptops");
    }

    @Test
    void aNewsroomToolsTraceparentIsContinuedAndARequestWithoutOneStartsATrace() throws Exception {
        start(IngestSettings.defaults());
        String toolsTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        client.send(request("/v1/articles").header("Content-Type", "application/json")
                .header("traceparent", toolsTrace)
                .POST(BodyPublishers.ofString(GOOD_JSON, StandardCharsets.UTF_8)).build(), BodyHandlers.ofString());
        post("application/json", GOOD_JSON.replace("\"revision\": 2", "\"revision\": 3"));

        assertThat(sink.traces).hasSize(2);
        assertThat(sink.traces.get(0).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(sink.traces.get(0).spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(sink.traces.get(1).traceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aJsonStoryThatFailsValidationIsUnprocessableAndRecordedAsRejectedNotSent() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("application/json", "{\"articleId\": \"x\", \"revision\": 1}");

        FrontDoor.assertProblem(response, 422);
        assertThat(errors(response)).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("headline", "byline", "category", "bodyMarkdown");
        assertThat(JSON.readTree(response.body()).get("statusUrl").asText()).isEqualTo("/v1/articles/x");
        assertThat(sink.sent).isEmpty();
        assertThat(sink.rejected).singleElement().satisfies(rejection -> {
            assertThat(rejection.getArticleId()).isEqualTo("x");
            assertThat(rejection.getSubmission().getArticleId()).isEqualTo("x");
            assertThat(rejection.getReasons()).hasSize(4);
        });
    }

    @Test
    void aSampleStoryFileIsSentUnderTheIdFromTheQuery() throws Exception {
        start(IngestSettings.defaults());
        byte[] story = Files.readAllBytes(samples().resolve("claude-goes-to-work.md"));

        HttpResponse<String> response = client.send(request("/v1/articles?id=claude-story")
                .header("Content-Type", "text/markdown; charset=UTF-8")
                .POST(BodyPublishers.ofByteArray(story)).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("statusUrl").asText()).isEqualTo("/v1/articles/claude-story");
        ArticleSubmitted sent = sink.sent.get(0);
        assertThat(sent.getArticleId()).isEqualTo("claude-story");
        assertThat(sent.getHeadline()).startsWith("Claude Goes to Work");
        assertThat(sent.getHero().getUrl()).isEqualTo("http://localhost:8080/media/claude-at-work.svg");
    }

    @Test
    void aStoryFileWithUnknownKeysIsAcceptedWithWarnings() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("text/markdown",
                "---\nid: s\nheadline: H\nbyline: B\ncategory: C\nlayout: post\n---\nBody\n");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("warnings").get(0).asText())
                .startsWith("request body line 6: unknown key 'layout'");
    }

    @Test
    void aStoryFileWithoutAnyIdIsNamedFromItsDateAndHeadlineAndAnsweredWithWhereToFollowIt() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("text/markdown", UNNAMED_STORY);

        assertThat(response.statusCode()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("articleId").asText();
        assertThat(id).matches("2026-04-28-budget-vote-delayed-[0-9a-z]{6}");
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/articles/" + id);
        assertThat(JSON.readTree(response.body()).get("statusUrl").asText()).isEqualTo("/v1/articles/" + id);
        assertThat(sink.sent).extracting(ArticleSubmitted::getArticleId).containsExactly(id);
    }

    @Test
    void aJsonSubmissionWithoutAnArticleIdIsNamedToo() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("application/json", GOOD_JSON.replace("\"articleId\": \"ms-openai\", ", ""));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sink.sent).singleElement().satisfies(sent -> {
            assertThat(sent.getArticleId()).matches("2026-04-28-microsoft-and-openai-[0-9a-z]{6}");
            assertThat(response.headers().firstValue("Location")).hasValue("/v1/articles/" + sent.getArticleId());
        });
    }

    @Test
    void theSameUnnamedStorySentAgainIsAnsweredWithTheSameIdAndNotSentTwice() throws Exception {
        start(IngestSettings.defaults());
        HttpResponse<String> first = post("text/markdown", UNNAMED_STORY);
        String id = JSON.readTree(first.body()).get("articleId").asText();
        statuses.put(ArticleStatus.newBuilder().setArticleId(id).setState(StoryState.ACCEPTED)
                .setRevision(1L).setAcceptedRevision(1L).setUpdatedAt(NOW).setReasons(List.of())
                .setHistory(List.of()).build());

        HttpResponse<String> retried = post("text/markdown", UNNAMED_STORY);

        FrontDoor.assertProblem(retried, 409);
        assertThat(JSON.readTree(retried.body()).get("articleId").asText()).isEqualTo(id);
        assertThat(sink.sent).hasSize(1);
    }

    @Test
    void aLaterRevisionAddressesTheAssignedId() throws Exception {
        start(IngestSettings.defaults());
        String id = JSON.readTree(post("text/markdown", UNNAMED_STORY).body()).get("articleId").asText();

        HttpResponse<String> correction = client.send(request("/v1/articles?id=" + id)
                .header("Content-Type", "text/markdown")
                .POST(BodyPublishers.ofString(UNNAMED_STORY.replace("---\nheadline", "---\nrevision: 2\nheadline")
                        .replace("next week", "next month"))).build(), BodyHandlers.ofString());

        assertThat(correction.statusCode()).isEqualTo(202);
        assertThat(sink.sent).extracting(ArticleSubmitted::getArticleId, ArticleSubmitted::getRevision)
                .containsExactly(tuple(id, 1L), tuple(id, 2L));
    }

    @Test
    void aStoryFileNamingAnotherIdThanTheQueryIsABadRequest() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = client.send(request("/v1/articles?id=one")
                .header("Content-Type", "text/markdown").POST(BodyPublishers.ofString("---\nid: two\n---\nBody\n")).build(),
                BodyHandlers.ofString());

        FrontDoor.assertProblem(response, 400);
        assertThat(errors(response)).extracting(e -> e.get("code").asText()).containsExactly("id-mismatch");
    }

    @Test
    void brokenYamlIsUnprocessableNamingTheLineAndKeepsTheOriginalBytes() throws Exception {
        start(IngestSettings.defaults());
        String story = "---\nid: s\ndek: Now: colon\n---\nBody\n";

        HttpResponse<String> response = post("text/markdown", story);

        FrontDoor.assertProblem(response, 422);
        JsonNode error = errors(response).get(0);
        assertThat(error.get("code").asText()).isEqualTo("bad-yaml");
        assertThat(error.get("message").asText()).startsWith("request body line 3:");
        assertThat(sink.sent).isEmpty();
        assertThat(sink.rejected.get(0).getOriginalPayload().array()).isEqualTo(story.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonIsABadRequestAndNothingIsSent() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("application/json", "{\"articleId\": \"x\",");

        FrontDoor.assertProblem(response, 400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asText()).isEqualTo("/v1/articles");
        assertThat(errors(response)).extracting(e -> e.get("code").asText()).containsExactly("malformed-json");
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void everyFieldProblemGetsItsOwnEntry() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("application/json",
                "{\"revision\": \"two\", \"headline\": 5, \"tags\": {\"AI\": 1}, \"action\": \"DELETE\"}");

        FrontDoor.assertProblem(response, 400);
        assertThat(errors(response)).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactlyInAnyOrder(tuple("revision", "bad-value"),
                        tuple("headline", "bad-value"), tuple("tags", "bad-value"), tuple("action", "bad-value"));
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void anotherMediaTypeIsUnsupported() throws Exception {
        start(IngestSettings.defaults());

        FrontDoor.assertProblem(post("text/plain", "headline: hi"), 415);
        FrontDoor.assertProblem(post("application/json; charset=ISO-8859-1", GOOD_JSON), 415);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void aBodyOverTheSizeLimitIsTooLarge() throws Exception {
        start(IngestSettings.defaults().withMaxStoryBytes(1000));

        HttpResponse<String> response = post("text/markdown", "---\nid: s\n---\n" + "x".repeat(1000));

        FrontDoor.assertProblem(response, 413);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void aDeleteSendsAnUnpublishWithTheNextRevision() throws Exception {
        statuses.put(ArticleStatus.newBuilder().setArticleId("ms-openai").setState(StoryState.PUBLISHED)
                .setRevision(2L).setAcceptedRevision(2L).setUpdatedAt(NOW).setReasons(List.of())
                .setHistory(List.of()).build());
        start(IngestSettings.defaults());

        HttpResponse<String> response = client.send(request("/v1/articles/ms-openai").DELETE().build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("revision").asLong()).isEqualTo(3);
        ArticleSubmitted sent = sink.sent.get(0);
        assertThat(sent.getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(sent.getArticleId()).isEqualTo("ms-openai");
        assertThat(sent.getRevision()).isEqualTo(3L);
        assertThat(sent.getSource()).isEqualTo("http");
    }

    @Test
    void aDeleteCanNameItsRevision() throws Exception {
        statuses.put(ArticleStatus.newBuilder().setArticleId("ms-openai").setState(StoryState.PUBLISHED)
                .setRevision(2L).setAcceptedRevision(2L).setUpdatedAt(NOW).setReasons(List.of())
                .setHistory(List.of()).build());
        start(IngestSettings.defaults());

        HttpResponse<String> response = client.send(request("/v1/articles/ms-openai?revision=5").DELETE().build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sink.sent).extracting(ArticleSubmitted::getRevision).containsExactly(5L);
    }

    @Test
    void aDeleteWithABadRevisionIsABadRequest() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = client.send(request("/v1/articles/ms-openai?revision=soon").DELETE().build(),
                BodyHandlers.ofString());

        FrontDoor.assertProblem(response, 400);
        assertThat(errors(response)).extracting(e -> e.get("code").asText()).containsExactly("bad-revision");
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void anIdThatNeedsEscapingGetsAnEscapedStatusUrl() throws Exception {
        start(IngestSettings.defaults());

        HttpResponse<String> response = post("application/json", "{\"articleId\": \"a b/ü\", \"revision\": 1}");

        assertThat(JSON.readTree(response.body()).get("statusUrl").asText()).isEqualTo("/v1/articles/a%20b%2F%C3%BC");
    }

    @Test
    void healthIsUpWhileTheSinkIsReadyAndDownOtherwise() throws Exception {
        start(IngestSettings.defaults());

        assertThat(get("/v1/healthz").statusCode()).isEqualTo(200);
        sink.ready = false;
        assertThat(get("/v1/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void whenTheSinkFailsTheAnswerIsServiceUnavailable() throws Exception {
        start(IngestSettings.defaults());
        sink.failing = true;

        HttpResponse<String> response = post("application/json", GOOD_JSON);

        FrontDoor.assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void withATokenConfiguredRequestsWithoutItAreUnauthorizedAndNothingIsSent() throws Exception {
        start(IngestSettings.defaults().withBearerToken("s3cret"));

        FrontDoor.assertProblem(post("application/json", GOOD_JSON), 401);
        FrontDoor.assertProblem(client.send(request("/v1/articles").header("Content-Type", "application/json")
                .header("Authorization", "Bearer wrong").POST(BodyPublishers.ofString(GOOD_JSON)).build(),
                BodyHandlers.ofString()), 401);
        FrontDoor.assertProblem(client.send(request("/v1/articles/x").DELETE().build(), BodyHandlers.ofString()), 401);
        assertThat(sink.sent).isEmpty();

        HttpResponse<String> authorized = client.send(request("/v1/articles").header("Content-Type", "application/json")
                .header("Authorization", "Bearer s3cret").POST(BodyPublishers.ofString(GOOD_JSON)).build(),
                BodyHandlers.ofString());
        assertThat(authorized.statusCode()).isEqualTo(202);
        assertThat(sink.sent).hasSize(1);
        assertThat(get("/v1/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsAProblemNotFound() throws Exception {
        start(IngestSettings.defaults());

        FrontDoor.assertProblem(get("/v1/nothing-here"), 404);
    }

    @Test
    void theServerListensOnlyOnTheConfiguredAddress() throws Exception {
        start(IngestSettings.defaults().withHttpHost("127.0.0.2"));
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + server.port() + "/v1/healthz")).build();

        assertThat(client.send(health, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get("/v1/healthz")).isInstanceOf(IOException.class);
    }

    @Test
    void withoutATokenTheServerRefusesToListenBeyondLoopback() {
        assertThatThrownBy(() -> start(IngestSettings.defaults().withHttpHost("0.0.0.0")))
                .hasMessageContaining("GALLEY_INGEST_TOKEN").hasMessageContaining("GALLEY_INGEST_AUTH=none");
        assertThat(server.isHealthy()).isFalse();
    }

    @Test
    void withATokenTheServerListensBeyondLoopback() throws Exception {
        start(IngestSettings.defaults().withHttpHost("0.0.0.0").withBearerToken("s3cret"));

        assertThat(get("/v1/healthz").statusCode()).isEqualTo(200);
        FrontDoor.assertProblem(post("application/json", GOOD_JSON), 401);
    }

    @Test
    void withAuthNoneTheServerListensBeyondLoopbackWithoutATokenAndWarns() throws Exception {
        try (CapturedLog log = new CapturedLog(IngestHttpServer.class)) {
            start(IngestSettings.defaults().withHttpHost("0.0.0.0").withoutToken());

            assertThat(post("application/json", GOOD_JSON).statusCode()).isEqualTo(202);
            assertThat(log.at(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                    .contains("0.0.0.0").contains("without a token").contains("GALLEY_INGEST_AUTH=none"));
        }
    }

    @Test
    void onLoopbackTheServerNeedsNoTokenAndDoesNotWarn() throws Exception {
        try (CapturedLog log = new CapturedLog(IngestHttpServer.class)) {
            start(IngestSettings.defaults().withHttpHost("127.0.0.1"));

            assertThat(post("application/json", GOOD_JSON).statusCode()).isEqualTo(202);
            assertThat(log.at(Level.WARN)).isEmpty();
        }
    }

    @Test
    void theServerReportsHealthyOnlyWhileRunning() {
        start(IngestSettings.defaults());
        assertThat(server.isHealthy()).isTrue();

        server.close();

        assertThat(server.isHealthy()).isFalse();
    }

    private void start(IngestSettings settings) {
        server = new IngestHttpServer(settings.withHttpPort(0), sink, statuses,
                Clock.fixed(NOW, ZoneOffset.UTC));
        server.start();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return client.send(request("/v1/articles").header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), BodyHandlers.ofString());
    }


    private static List<JsonNode> errors(HttpResponse<String> response) throws IOException {
        List<JsonNode> errors = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(errors::add);
        return errors;
    }

    private static Path samples() {
        return Path.of(System.getProperty("user.dir")).resolve("../samples/stories").normalize();
    }
}
