package org.galley.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

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
}
