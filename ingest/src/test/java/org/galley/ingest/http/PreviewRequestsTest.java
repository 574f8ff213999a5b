package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.galley.events.ArticleStatus;
import org.galley.events.StoryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/articles?preview=true}: a preview claims no revision, and a bad one records nothing. */
class PreviewRequestsTest {

    private static final String STORY = """
            {"articleId": "ms-openai", "revision": 2, "headline": "Microsoft and OpenAI",
             "byline": "Stack Digest", "category": "AI", "bodyMarkdown": "Body.", "publishedAt": "2026-04-28"}
            """;

    private final FrontDoor door = FrontDoor.open();

    @AfterEach
    void close() {
        door.close();
    }

    @Test
    void aPreviewIsSentMarkedAsOneAndAnsweredWithItsUnguessableAddress() throws Exception {
        HttpResponse<String> response = door.send(door.request("/v1/articles?preview=true")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(STORY)));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = FrontDoor.JSON.readTree(response.body());
        assertThat(receipt.get("status").asText()).isEqualTo("previewing");
        assertThat(receipt.get("previewUrl").asText()).matches("https?://[^/]+/preview/[A-Za-z0-9_-]{32}/");
        assertThat(door.sink.sent).singleElement().satisfies(sent -> assertThat(sent.getPreview()).isTrue());
    }

    @Test
    void thePublishedRevisionItselfCanBePreviewedThoughItWouldBeADuplicateToPublish() throws Exception {
        door.statuses.put(ArticleStatus.newBuilder().setArticleId("ms-openai").setState(StoryState.PUBLISHED)
                .setRevision(2L).setAcceptedRevision(2L).setUpdatedAt(FrontDoor.NOW).setReasons(List.of())
                .setHistory(List.of()).build());

        assertThat(door.post("application/json", STORY).statusCode()).isEqualTo(409);
        assertThat(door.post("application/json", STORY.replace("\"revision\": 2", "\"revision\": 2, \"preview\": true"))
                .statusCode()).isEqualTo(202);
    }

    @Test
    void aPreviewThatFailsValidationIsAnswered422AndNothingIsRecordedAgainstTheStory() throws Exception {
        HttpResponse<String> response = door.post("application/json",
                "{\"articleId\": \"x\", \"revision\": 1, \"preview\": true}");

        FrontDoor.assertProblem(response, 422);
        assertThat(FrontDoor.errors(response)).extracting(error -> error.get("field").asText())
                .contains("headline", "byline");
        assertThat(door.sink.sent).isEmpty();
        assertThat(door.sink.rejected).isEmpty();
    }

    @Test
    void aPreviewFlagThatIsNotABooleanIsRefused() throws Exception {
        HttpResponse<String> response = door.post("application/json",
                STORY.replace("\"revision\": 2", "\"revision\": 2, \"preview\": \"maybe\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(FrontDoor.errors(response)).extracting(error -> error.get("field").asText())
                .isEqualTo(List.of("preview"));
    }
}
