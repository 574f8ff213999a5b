package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleStatus;
import org.galley.events.RejectionReason;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status store ingest's topology folds from the four topics every story passes through. */
class StatusReadModelTest {

    private static final Instant LATER = Instant.parse("2026-04-28T10:05:00Z");

    @TempDir
    Path stateDir;

    private IngestDriver ingest;

    @BeforeEach
    void start() {
        ingest = new IngestDriver(stateDir, "status-test", Map.of());
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void aGoodStoryIsAcceptedInItsStatus() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(status.getRevision()).isEqualTo(1L);
        assertThat(status.getUpdatedAt()).isEqualTo(IngestDriver.NOW);
        assertThat(status.getHistory()).extracting(StatusChange::getState)
                .containsExactly(StoryState.SUBMITTED, StoryState.ACCEPTED);
    }

    @Test
    void anInvalidStoryFromKafkaIsRejectedWithItsReasons() {
        ingest.submitted.pipeInput("story", Stories.story("story", 1).setHeadline("").build());

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.REJECTED);
        assertThat(status.getReasons()).extracting(RejectionReason::getField).containsExactly("headline");
    }

    @Test
    void aRejectionRecordedByTheFrontDoorIsTheStatusOfAStoryNeverSubmitted() {
        ingest.rejectedIn.pipeInput("from-http", ArticleRejected.newBuilder().setArticleId("from-http")
                .setRevision(1L).setSource("http").setRejectedAt(IngestDriver.NOW)
                .setReasons(List.of(new RejectionReason("byline", "required", "The byline is missing."))).build());

        assertThat(ingest.status("from-http").getState()).isEqualTo(StoryState.REJECTED);
    }

    @Test
    void aPublishedPageGivesTheStatusItsUrlAndALateDuplicateDoesNotHideIt() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.published.pipeInput("story", page("story", 1, Action.PUBLISH));
        ingest.submitted.pipeInput("story", Stories.good("story", 1));

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getRevision()).isEqualTo(1L);
        assertThat(status.getUrl()).isEqualTo("https://stackdigest.org/ai/story/");
        assertThat(status.getPath()).isEqualTo("/ai/story/");
    }

    @Test
    void aCorrectionMovesTheStatusToTheNewRevisionAndAnUnpublishTakesItDown() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.published.pipeInput("story", page("story", 1, Action.PUBLISH));
        ingest.submitted.pipeInput("story", Stories.story("story", 2).setHeadline("Corrected").build());

        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(ingest.status("story").getRevision()).isEqualTo(2L);

        ingest.published.pipeInput("story", page("story", 3, Action.UNPUBLISH));

        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.UNPUBLISHED);
    }

    @Test
    void aSubmissionUnderAnotherKeyGetsNoStatusUnderThatKey() {
        ingest.submitted.pipeInput("wrong-key", Stories.good("story", 1));

        assertThat(ingest.status("wrong-key")).isNull();
        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.REJECTED);
    }

    private static ArticlePublished page(String articleId, long revision, Action action) {
        return ArticlePublished.newBuilder().setArticleId(articleId).setRevision(revision).setAction(action)
                .setSlug("story").setPath("/ai/story/").setUrl("https://stackdigest.org/ai/story/")
                .setOccurredAt(LATER).setPage(null).build();
    }
}
