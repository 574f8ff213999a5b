package org.galley.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.galley.events.ArticleStatus;
import org.galley.events.RejectionReason;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Instant T = Instant.parse("2026-04-28T10:00:00Z");
    private static final String URL = "https://stackdigest.org/ai/story/";

    @Test
    void theFirstEventOfAStoryGivesItAStatus() {
        ArticleStatus status = apply(null, event(StoryState.SUBMITTED, 1L)).orElseThrow();

        assertThat(status.getArticleId()).isEqualTo("story");
        assertThat(status.getState()).isEqualTo(StoryState.SUBMITTED);
        assertThat(status.getRevision()).isEqualTo(1L);
        assertThat(status.getUpdatedAt()).isEqualTo(T);
        assertThat(status.getHistory()).extracting(StatusChange::getState).containsExactly(StoryState.SUBMITTED);
    }

    @Test
    void aLaterStageOfTheSameRevisionWins() {
        ArticleStatus status = fold(event(StoryState.SUBMITTED, 1L), event(StoryState.ACCEPTED, 1L),
                published(1L));

        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getUrl()).isEqualTo(URL);
        assertThat(status.getPath()).isEqualTo("/ai/story/");
        assertThat(status.getHistory()).extracting(StatusChange::getState)
                .containsExactly(StoryState.SUBMITTED, StoryState.ACCEPTED, StoryState.PUBLISHED);
    }

    @Test
    void aLateSubmittedOfThePublishedRevisionDoesNotHideThatItIsPublished() {
        ArticleStatus published = fold(event(StoryState.ACCEPTED, 1L), published(1L));

        assertThat(apply(published, event(StoryState.SUBMITTED, 1L))).isEmpty();
        assertThat(apply(published, event(StoryState.ACCEPTED, 1L))).isEmpty();
    }

    @Test
    void aNewerRevisionsSubmittedWinsAndKeepsThePageAddress() {
        ArticleStatus status = fold(published(1L), event(StoryState.SUBMITTED, 2L));

        assertThat(status.getState()).isEqualTo(StoryState.SUBMITTED);
        assertThat(status.getRevision()).isEqualTo(2L);
        assertThat(status.getUrl()).isEqualTo(URL);
    }

    @Test
    void anOlderRevisionNeverOverwritesANewerOne() {
        ArticleStatus status = fold(event(StoryState.ACCEPTED, 3L));

        assertThat(apply(status, event(StoryState.SUBMITTED, 2L))).isEmpty();
        assertThat(apply(status, published(2L))).isEmpty();
    }

    @Test
    void aFixedStoryResubmittedUnderARejectedRevisionShowsAccepted() {
        ArticleStatus status = fold(event(StoryState.REJECTED, 1L), event(StoryState.SUBMITTED, 1L));
        assertThat(status.getState()).isEqualTo(StoryState.REJECTED);

        assertThat(apply(status, event(StoryState.ACCEPTED, 1L)).orElseThrow().getState())
                .isEqualTo(StoryState.ACCEPTED);
    }

    @Test
    void aRejectionCarriesItsReasonsAndTheNextStateDropsThem() {
        RejectionReason reason = new RejectionReason("headline", "required", "The headline is missing.");
        ArticleStatus rejected = fold(new StoryEvent(StoryState.REJECTED, 1L, T, null, null, List.of(reason)));
        assertThat(rejected.getReasons()).containsExactly(reason);

        assertThat(apply(rejected, event(StoryState.SUBMITTED, 2L)).orElseThrow().getReasons()).isEmpty();
    }

    @Test
    void aRejectionWithoutRevisionOnlyDescribesAStoryWithNoStatusYet() {
        StoryEvent unreadable = event(StoryState.REJECTED, null);

        assertThat(apply(null, unreadable).orElseThrow().getRevision()).isNull();
        assertThat(apply(fold(event(StoryState.SUBMITTED, 1L)), unreadable)).isEmpty();
        assertThat(apply(fold(unreadable), event(StoryState.SUBMITTED, 1L))).isPresent();
    }

    @Test
    void anUnpublishOfANewerRevisionWinsAndNamesThePathRemoved() {
        StoryEvent takedown = new StoryEvent(StoryState.UNPUBLISHED, 9L, T, URL, "/ai/story/", List.of());

        ArticleStatus status = fold(published(1L), takedown);

        assertThat(status.getState()).isEqualTo(StoryState.UNPUBLISHED);
        assertThat(status.getPath()).isEqualTo("/ai/story/");
    }

    @Test
    void theHistoryKeepsOnlyTheLastChanges() {
        ArticleStatus status = null;
        for (long revision = 1; revision <= 15; revision++) {
            status = apply(status, event(StoryState.SUBMITTED, revision)).orElseThrow();
        }

        assertThat(status.getHistory()).hasSize(StatusRules.HISTORY);
        assertThat(status.getHistory().get(0).getRevision()).isEqualTo(6L);
        assertThat(status.getHistory().get(StatusRules.HISTORY - 1).getRevision()).isEqualTo(15L);
    }

    @Test
    void aRefusedRevisionKeepsAPublishedStoryPublishedAndShowsInTheHistory() {
        ArticleStatus published = fold(event(StoryState.ACCEPTED, 2L), published(2L));

        ArticleStatus status = apply(published, refusal(2L, "duplicate-revision")).orElseThrow();

        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getRevision()).isEqualTo(2L);
        assertThat(status.getUrl()).isEqualTo(URL);
        assertThat(status.getReasons()).isEmpty();
        assertThat(status.getHistory()).extracting(StatusChange::getState, StatusChange::getRevision)
                .endsWith(tuple(StoryState.PUBLISHED, 2L), tuple(StoryState.REJECTED, 2L));
    }

    @Test
    void aStaleRevisionRefusedKeepsTheNewerStateAndShowsTheOlderRevisionInTheHistory() {
        ArticleStatus accepted = fold(event(StoryState.ACCEPTED, 5L));

        ArticleStatus status = apply(accepted, refusal(3L, "stale-revision")).orElseThrow();

        assertThat(status.getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(status.getRevision()).isEqualTo(5L);
        assertThat(status.getHistory()).extracting(StatusChange::getRevision).containsExactly(5L, 3L);
    }

    @Test
    void anInvalidNewerRevisionStillReplacesTheStateButNotTheAcceptedRevision() {
        ArticleStatus status = fold(published(1L), event(StoryState.REJECTED, 2L));

        assertThat(status.getState()).isEqualTo(StoryState.REJECTED);
        assertThat(status.getAcceptedRevision()).isEqualTo(1L);
        assertThat(StatusRules.newestAccepted(status)).isEqualTo(1L);
    }

    @Test
    void theAcceptedRevisionOnlyMovesForwardEvenWhenTheEventIsTooLateToShow() {
        ArticleStatus rejectedNewer = fold(event(StoryState.REJECTED, 5L));
        assertThat(StatusRules.newestAccepted(rejectedNewer)).isNull();

        ArticleStatus status = apply(rejectedNewer, event(StoryState.ACCEPTED, 4L)).orElseThrow();

        assertThat(status.getState()).isEqualTo(StoryState.REJECTED);
        assertThat(status.getAcceptedRevision()).isEqualTo(4L);
        assertThat(apply(status, event(StoryState.ACCEPTED, 3L))).isEmpty();
    }

    @Test
    void aStatusKeptBeforeTheAcceptedRevisionWasRecordedTakesItFromItsState() {
        ArticleStatus old = fold(published(3L));
        old.setAcceptedRevision(null);

        assertThat(StatusRules.newestAccepted(old)).isEqualTo(3L);
        assertThat(StatusRules.newestAccepted(fold(event(StoryState.SUBMITTED, 3L)))).isNull();
    }

    @Test
    void aStoryTakenDownIsLiveAgainWhenTheNextRevisionIsPublished() {
        StoryEvent takedown = new StoryEvent(StoryState.UNPUBLISHED, 2L, T, URL, "/ai/story/", List.of());

        ArticleStatus status = fold(published(1L), takedown, event(StoryState.ACCEPTED, 3L), published(3L));

        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getRevision()).isEqualTo(3L);
        assertThat(status.getAcceptedRevision()).isEqualTo(3L);
    }

    @Test
    void aFailureOfTheStoryOnItsWayFailsItNamingTheStageAndReason() {
        ArticleStatus status = fold(published(1L), event(StoryState.ACCEPTED, 2L), failure(2L));

        assertThat(status.getState()).isEqualTo(StoryState.FAILED);
        assertThat(status.getStage()).isEqualTo("render");
        assertThat(status.getRevision()).isEqualTo(2L);
        assertThat(status.getReasons()).extracting(RejectionReason::getCode).containsExactly("too-large");
        assertThat(status.getUrl()).isEqualTo(URL);
        assertThat(status.getAcceptedRevision()).isEqualTo(2L);
    }

    @Test
    void aFailedStoryIsPublishedWhenItsNextRevisionIs() {
        ArticleStatus status = fold(event(StoryState.ACCEPTED, 1L), failure(1L), event(StoryState.ACCEPTED, 2L),
                published(2L));

        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getStage()).isNull();
        assertThat(status.getReasons()).isEmpty();
    }

    @Test
    void aLateAcceptedDoesNotHideAFailureOfTheSameRevision() {
        ArticleStatus failed = fold(event(StoryState.ACCEPTED, 1L), failure(1L));

        assertThat(apply(failed, event(StoryState.ACCEPTED, 1L))).isEmpty();
    }

    @Test
    void aFailureOfAnOlderRevisionIsNotShown() {
        assertThat(apply(fold(event(StoryState.ACCEPTED, 3L)), failure(2L))).isEmpty();
    }

    @Test
    void aFailureOfAStoryWithNoStatusIsNotKept() {
        assertThat(apply(null, failure(1L))).isEmpty();
        assertThat(apply(null, failure(null))).isEmpty();
    }

    @Test
    void aFailureWithoutRevisionFailsTheRevisionOnItsWay() {
        ArticleStatus status = fold(event(StoryState.ACCEPTED, 4L), failure(null));

        assertThat(status.getState()).isEqualTo(StoryState.FAILED);
        assertThat(status.getRevision()).isEqualTo(4L);
        assertThat(status.getStage()).isEqualTo("render");
    }

    @Test
    void aFailureWithoutRevisionOnlyNotesItInTheHistoryOfAPublishedStory() {
        ArticleStatus status = fold(published(4L), failure(null));

        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getHistory()).extracting(StatusChange::getState, StatusChange::getRevision)
                .containsExactly(tuple(StoryState.PUBLISHED, 4L), tuple(StoryState.FAILED, 4L));
    }

    private static ArticleStatus fold(StoryEvent... events) {
        ArticleStatus status = null;
        for (StoryEvent event : events) {
            status = apply(status, event).orElse(status);
        }
        return status;
    }

    private static Optional<ArticleStatus> apply(ArticleStatus current, StoryEvent event) {
        return StatusRules.apply("story", current, event);
    }

    private static StoryEvent event(StoryState state, Long revision) {
        return new StoryEvent(state, revision, T, null, null, List.of());
    }

    private static StoryEvent published(long revision) {
        return new StoryEvent(StoryState.PUBLISHED, revision, T, URL, "/ai/story/", List.of());
    }

    private static StoryEvent refusal(long revision, String code) {
        return new StoryEvent(StoryState.REJECTED, revision, T, null, null,
                List.of(new RejectionReason("revision", code, "Refused.")));
    }

    private static StoryEvent failure(Long revision) {
        return StoryEvent.failed(revision, T, "render", new RejectionReason("render", "too-large", "Too large."));
    }
}
