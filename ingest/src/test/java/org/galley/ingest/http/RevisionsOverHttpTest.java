package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.ingest.http.FrontDoor.JSON;
import static org.galley.ingest.http.FrontDoor.assertProblem;
import static org.galley.ingest.http.FrontDoor.errors;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.galley.events.Action;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.events.StoryState;
import org.galley.ingest.status.StatusLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revisions a newsroom can follow over HTTP: refusals answered 409, takedowns numbered, republication. */
class RevisionsOverHttpTest {

    private static final Instant AT = Instant.parse("2026-04-28T09:00:00Z");

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
    void theNewestAcceptedRevisionSentAgainIsAConflictNamingItAndNothingIsSent() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("next", StoryState.PUBLISHED, 1L, 1L));

        var response = front.post("application/json", story(1));

        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.get("acceptedRevision").asLong()).isEqualTo(1);
        assertThat(problem.get("articleId").asText()).isEqualTo("next");
        assertThat(problem.get("statusUrl").asText()).isEqualTo("/v1/articles/next");
        assertThat(problem.get("detail").asText()).contains("revision 2 or higher");
        assertThat(errors(response)).extracting(e -> e.get("code").asText()).containsExactly("duplicate-revision");
        assertThat(front.sink.sent).isEmpty();
        assertThat(front.sink.rejected).isEmpty();
    }

    @Test
    void anOlderRevisionIsAConflictAsStale() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("next", StoryState.ACCEPTED, 5L, 5L));

        var response = front.post("application/json", story(3));

        assertProblem(response, 409);
        assertThat(errors(response)).extracting(e -> e.get("code").asText()).containsExactly("stale-revision");
        assertThat(front.sink.sent).isEmpty();
    }

    @Test
    void aNewerRevisionThanAnInvalidOneIsNotNeededToFixIt() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("next", StoryState.REJECTED, 2L, 1L));

        var response = front.post("application/json", story(2));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(front.sink.sent).extracting(ArticleSubmitted::getRevision).containsExactly(2L);
    }

    @Test
    void aTakedownWithoutARevisionTakesTheNextAfterTheNewestAccepted() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("next", StoryState.PUBLISHED, 3L, 3L));

        var response = front.send(front.request("/v1/articles/next").DELETE());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("revision").asLong()).isEqualTo(4);
        assertThat(front.sink.sent).singleElement().satisfies(takedown -> {
            assertThat(takedown.getAction()).isEqualTo(Action.UNPUBLISH);
            assertThat(takedown.getRevision()).isEqualTo(4L);
        });
    }

    @Test
    void aStoryTakenDownIsSubmittedAgainWithTheRevisionAfterTheTakedown() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("next", StoryState.UNPUBLISHED, 4L, 4L));

        var response = front.post("application/json", story(5));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(front.sink.sent).extracting(ArticleSubmitted::getAction, ArticleSubmitted::getRevision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.PUBLISH, 5L));
    }

    @Test
    void aTakedownOfAStoryNeverAcceptedIsNotFoundAndNothingIsSent() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("only-rejected", StoryState.REJECTED, 1L, null));

        assertProblem(front.send(front.request("/v1/articles/unknown").DELETE()), 404);
        assertProblem(front.send(front.request("/v1/articles/unknown?revision=3").DELETE()), 404);
        assertProblem(front.send(front.request("/v1/articles/only-rejected").DELETE()), 404);
        assertThat(front.sink.sent).isEmpty();
    }

    @Test
    void aTakedownNamingAnAcceptedRevisionIsAConflict() throws Exception {
        front = FrontDoor.open();
        front.statuses.put(status("next", StoryState.PUBLISHED, 3L, 3L));

        var response = front.send(front.request("/v1/articles/next?revision=3").DELETE());

        assertProblem(response, 409);
        assertThat(front.sink.sent).isEmpty();
    }

    @Test
    void aTakedownWithoutARevisionWhileTheStatusCannotBeReadIsUnavailableAndNothingIsSent() throws Exception {
        front = FrontDoor.open();
        front.statuses.answers.put("next", new StatusLookup.Unavailable("rebalancing"));

        var response = front.send(front.request("/v1/articles/next").DELETE());

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("rebalancing");
        assertThat(front.sink.sent).isEmpty();
    }

    @Test
    void aTakedownNamingItsRevisionIsSentWhileTheStatusCannotBeRead() throws Exception {
        front = FrontDoor.open();
        front.statuses.answers.put("next", new StatusLookup.Unavailable("rebalancing"));

        var response = front.send(front.request("/v1/articles/next?revision=9").DELETE());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(front.sink.sent).extracting(ArticleSubmitted::getRevision).containsExactly(9L);
    }

    @Test
    void aTakedownOfAStoryHeldByAnotherInstanceTakesTheNextRevisionItNames() throws Exception {
        other = FrontDoor.open();
        other.statuses.put(status("next", StoryState.PUBLISHED, 6L, 6L));
        front = FrontDoor.open();
        front.statuses.answers.put("next", new StatusLookup.Elsewhere("127.0.0.1", other.server.port()));

        var response = front.send(front.request("/v1/articles/next").DELETE());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(front.sink.sent).extracting(ArticleSubmitted::getRevision).containsExactly(7L);
    }

    @Test
    void aTakedownOfAStoryHeldByAnInstanceThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        front = FrontDoor.open();
        front.statuses.answers.put("next", new StatusLookup.Elsewhere("127.0.0.1", closedPort));

        var response = front.send(front.request("/v1/articles/next").DELETE());

        assertProblem(response, 503);
        assertThat(response.body()).doesNotContain(Integer.toString(closedPort));
        assertThat(front.sink.sent).isEmpty();
    }

    private static String story(long revision) {
        return BadStoriesOverHttpTest.GOOD.replace("\"revision\": 1", "\"revision\": " + revision);
    }

    private static ArticleStatus status(String articleId, StoryState state, Long revision, Long accepted) {
        return ArticleStatus.newBuilder().setArticleId(articleId).setState(state).setRevision(revision)
                .setAcceptedRevision(accepted).setUpdatedAt(AT).setReasons(List.of()).setHistory(List.of()).build();
    }
}
