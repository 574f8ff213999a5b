package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status store ingest's topology folds from the topics every story passes through, and the dead letters. */
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

    @Test
    void aDuplicateRevisionLeavesAPublishedStoryPublishedAndShowsTheRefusalInItsHistory() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.published.pipeInput("story", page("story", 1, Action.PUBLISH));
        ingest.submitted.pipeInput("story", Stories.good("story", 1));

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getAcceptedRevision()).isEqualTo(1L);
        assertThat(status.getHistory()).extracting(StatusChange::getState, StatusChange::getRevision).containsExactly(
                tuple(StoryState.SUBMITTED, 1L), tuple(StoryState.ACCEPTED, 1L), tuple(StoryState.PUBLISHED, 1L),
                tuple(StoryState.REJECTED, 1L));
    }

    @Test
    void aStaleRevisionFromKafkaNeverReadsSubmittedAndThenNothing() {
        ingest.submitted.pipeInput("story", Stories.good("story", 3));
        ingest.submitted.pipeInput("story", Stories.good("story", 2));

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(status.getRevision()).isEqualTo(3L);
        assertThat(status.getHistory()).last().satisfies(change -> {
            assertThat(change.getState()).isEqualTo(StoryState.REJECTED);
            assertThat(change.getRevision()).isEqualTo(2L);
        });
    }

    @Test
    void aStoryTakenDownAndSentAgainWithTheNextRevisionIsAcceptedAndPublished() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.published.pipeInput("story", page("story", 1, Action.PUBLISH));
        ingest.submitted.pipeInput("story", Stories.unpublish("story", 2));
        ingest.published.pipeInput("story", page("story", 2, Action.UNPUBLISH));
        ingest.submitted.pipeInput("story", Stories.good("story", 3));

        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(ingest.status("story").getAcceptedRevision()).isEqualTo(3L);

        ingest.published.pipeInput("story", page("story", 3, Action.PUBLISH));

        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(ingest.status("story").getRevision()).isEqualTo(3L);
    }

    @Test
    void aStoryRenderDeadLettersIsFailedNamingTheStageTheReasonAndItsRevision() {
        ingest.submitted.pipeInput("story", Stories.good("story", 2));
        ArticleEnriched enriched = enriched(Stories.good("story", 2));

        ingest.deadLetterIn.pipeInput(deadLetter("story", ingest.serialized(enriched), "render",
                "processing-failed", "articles.enriched", "java.lang.IllegalStateException",
                "The page is 3145728 bytes, over the limit of 1048576"));

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.FAILED);
        assertThat(status.getStage()).isEqualTo("render");
        assertThat(status.getRevision()).isEqualTo(2L);
        assertThat(status.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getField()).isEqualTo("render");
            assertThat(reason.getCode()).isEqualTo("processing-failed");
            assertThat(reason.getMessage()).contains("IllegalStateException: The page is 3145728 bytes");
        });
        assertThat(status.getHistory()).extracting(StatusChange::getState).last().isEqualTo(StoryState.FAILED);
    }

    @Test
    void aDeadLetterWithoutAReadableRevisionFailsTheStoryOnItsWay() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));

        ingest.deadLetterIn.pipeInput(deadLetter("story", new byte[] {0, 0, 0, 0, 9, 1}, "enrich", "unreadable",
                "articles.accepted", "org.apache.kafka.common.errors.SerializationException", "unknown schema id 9"));

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.FAILED);
        assertThat(status.getStage()).isEqualTo("enrich");
        assertThat(status.getRevision()).isEqualTo(1L);
        assertThat(status.getReasons().get(0).getMessage()).doesNotContain("schema id");
    }

    @Test
    void aDeadLetterForAStoryNoStageHasSeenIsIgnored() {
        ingest.deadLetterIn.pipeInput(deadLetter("nobody", new byte[] {1}, "render", "processing-failed",
                "articles.enriched", "java.lang.IllegalStateException", "boom"));
        ingest.deadLetterIn.pipeInput(deadLetter(null, new byte[] {1}, "render", "processing-failed",
                "articles.enriched", "java.lang.IllegalStateException", "boom"));

        assertThat(ingest.status("nobody")).isNull();
    }

    @Test
    void aFailureOfAnOlderRevisionDoesNotHideTheNewerOne() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.submitted.pipeInput("story", Stories.good("story", 2));

        ingest.deadLetterIn.pipeInput(deadLetter("story", ingest.serialized(enriched(Stories.good("story", 1))),
                "render", "processing-failed", "articles.enriched", "java.lang.IllegalStateException", "boom"));

        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(ingest.status("story").getRevision()).isEqualTo(2L);
    }

    private static TestRecord<String, byte[]> deadLetter(String key, byte[] value, String stage, String reason,
                                                         String topic, String exception, String message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__streams.errors.exception", exception.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.message", message.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.topic", topic.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.partition", "0".getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.offset", "7".getBytes(StandardCharsets.UTF_8));
        headers.add("galley-stage", stage.getBytes(StandardCharsets.UTF_8));
        headers.add("galley-reason", reason.getBytes(StandardCharsets.UTF_8));
        return new TestRecord<>(key, value, headers, LATER);
    }

    private static ArticleEnriched enriched(ArticleSubmitted submission) {
        return ArticleEnriched.newBuilder().setSubmission(submission).setSlug("story").setPath("/ai/story/")
                .setUrl("https://stackdigest.org/ai/story/").setWordCount(10).setReadingTimeMinutes(1)
                .setTags(List.of()).setExcerpt("Excerpt.").setRelated(List.of()).setTicker(List.of())
                .setFirstPublishedAt(LATER).setEnrichedAt(LATER).build();
    }

    private static ArticlePublished page(String articleId, long revision, Action action) {
        return ArticlePublished.newBuilder().setArticleId(articleId).setRevision(revision).setAction(action)
                .setSlug("story").setPath("/ai/story/").setUrl("https://stackdigest.org/ai/story/")
                .setOccurredAt(LATER).setPage(null).build();
    }
}
