package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest holds a story until its publication time or embargo, on the driver's wall clock. */
class ScheduledStoriesTest {

    private static final Instant IN_AN_HOUR = IngestDriver.NOW.plus(Duration.ofHours(1));

    @TempDir
    Path stateDir;

    private IngestDriver ingest;

    @BeforeEach
    void start() {
        ingest = new IngestDriver(stateDir, "schedule-test", Map.of());
    }

    @AfterEach
    void close() {
        ingest.close();
    }

    @Test
    void aStoryDatedInTheFutureIsScheduledAndGoesThroughWhenItsTimeComesNotBefore() {
        ingest.submitted.pipeInput("story", dated("story", 1, IN_AN_HOUR));

        assertThat(ingest.accepted.isEmpty()).isTrue();
        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.SCHEDULED);
        assertThat(status.getReleaseAt()).isEqualTo(IN_AN_HOUR);
        assertThat(status.getAcceptedRevision()).isEqualTo(1L);

        ingest.advance(Duration.ofMinutes(59).plusSeconds(58));
        assertThat(ingest.accepted.isEmpty()).isTrue();

        ingest.advance(Duration.ofSeconds(3));
        ArticleAccepted released = ingest.accepted.readValue();
        assertThat(released.getSubmission()).isEqualTo(dated("story", 1, IN_AN_HOUR));
        assertThat(ingest.accepted.isEmpty()).isTrue();
        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(ingest.status("story").getHistory()).extracting(StatusChange::getState)
                .containsExactly(StoryState.SCHEDULED, StoryState.ACCEPTED);

        // Released once: later checks find nothing more.
        ingest.advance(Duration.ofMinutes(5));
        assertThat(ingest.accepted.isEmpty()).isTrue();
    }

    @Test
    void anEmbargoHoldsAStoryDatedInThePast() {
        ArticleSubmitted embargoed = Stories.story("release", 1).setEmbargoUntil(IN_AN_HOUR).build();
        ingest.submitted.pipeInput("release", embargoed);

        assertThat(ingest.accepted.isEmpty()).isTrue();
        assertThat(ingest.status("release").getReleaseAt()).isEqualTo(IN_AN_HOUR);
        ingest.advance(Duration.ofMinutes(30));
        assertThat(ingest.accepted.isEmpty()).isTrue();
        ingest.advance(Duration.ofMinutes(31));
        assertThat(ingest.accepted.readValue().getSubmission()).isEqualTo(embargoed);
    }

    @Test
    void aCorrectionBeforeTheTimeReplacesTheHeldRevisionAndOnlyItGoesThrough() {
        ingest.submitted.pipeInput("story", dated("story", 1, IN_AN_HOUR));
        ArticleSubmitted correction = Stories.story("story", 2).setPublishedAt(IN_AN_HOUR)
                .setHeadline("Corrected before it went out").build();
        ingest.submitted.pipeInput("story", correction);

        ingest.advance(Duration.ofMinutes(61));
        assertThat(ingest.accepted.readValuesToList()).extracting(ArticleAccepted::getSubmission)
                .containsExactly(correction);
    }

    @Test
    void aScheduleMovedEarlierOrToNowGoesThroughAtTheNewTime() {
        ingest.submitted.pipeInput("story", dated("story", 1, IN_AN_HOUR));
        ingest.submitted.pipeInput("story", dated("story", 2, IngestDriver.NOW.minusSeconds(1)));

        assertThat(ingest.accepted.readValue().getSubmission().getRevision()).isEqualTo(2L);
        ingest.advance(Duration.ofMinutes(61));
        assertThat(ingest.accepted.isEmpty()).isTrue();
    }

    @Test
    void aTakedownBeforeTheTimeCancelsTheStoryAndNothingOfItEverGoesOn() {
        ingest.submitted.pipeInput("story", dated("story", 1, IN_AN_HOUR));
        ingest.submitted.pipeInput("story", Stories.unpublish("story", 2));

        ingest.advance(Duration.ofHours(2));
        assertThat(ingest.accepted.isEmpty()).isTrue();
        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.CANCELLED);
        assertThat(ingest.status("story").getRevision()).isEqualTo(2L);
    }

    @Test
    void aLiveStoryWithAScheduledCorrectionIsTakenDownAsUsual() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.submitted.pipeInput("story", dated("story", 2, IN_AN_HOUR));
        ingest.submitted.pipeInput("story", Stories.unpublish("story", 3));

        assertThat(ingest.accepted.readValuesToList()).extracting(accepted -> accepted.getSubmission().getRevision())
                .containsExactly(1L, 3L);
        ingest.advance(Duration.ofHours(2));
        assertThat(ingest.accepted.isEmpty()).isTrue();
    }

    @Test
    void heldStoriesGoThroughInTheOrderOfTheirTimes() {
        ingest.submitted.pipeInput("later", dated("later", 1, IN_AN_HOUR.plusSeconds(30)));
        ingest.submitted.pipeInput("sooner", dated("sooner", 1, IN_AN_HOUR));

        ingest.advance(Duration.ofMinutes(62));
        assertThat(ingest.accepted.readKeyValuesToList()).extracting(record -> record.key)
                .containsExactly("sooner", "later");
    }

    private static ArticleSubmitted dated(String articleId, long revision, Instant publishedAt) {
        return Stories.story(articleId, revision).setPublishedAt(publishedAt).build();
    }
}
