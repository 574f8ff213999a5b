package org.galley.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.galley.events.ArticleSubmitted;
import org.galley.ingest.Stories;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");

    @Test
    void aStoryWhoseTimeHasComeOrThatNamesNoneGoesThrough() {
        assertThat(decide(at(NOW.minusSeconds(60), null), false, false)).isEqualTo(Schedule.Decision.RELEASE);
        assertThat(decide(at(NOW, null), false, false)).isEqualTo(Schedule.Decision.RELEASE);
        assertThat(decide(at(null, null), false, false)).isEqualTo(Schedule.Decision.RELEASE);
    }

    @Test
    void aFuturePublicationTimeOrEmbargoHoldsTheStoryUntilTheLaterOfTheTwo() {
        Instant later = NOW.plusSeconds(3600);
        assertThat(decide(at(later, null), false, false)).isEqualTo(Schedule.Decision.HOLD);
        // An embargo holds a story dated in the past.
        assertThat(decide(at(NOW.minusSeconds(60), later), false, false)).isEqualTo(Schedule.Decision.HOLD);
        assertThat(Schedule.releaseAt(at(NOW.minusSeconds(60), later).build())).isEqualTo(later);
        assertThat(Schedule.releaseAt(at(later.plusSeconds(1), later).build())).isEqualTo(later.plusSeconds(1));
        assertThat(Schedule.releaseAt(at(null, later).build())).isEqualTo(later);
        assertThat(Schedule.releaseAt(at(null, null).build())).isNull();
    }

    @Test
    void aTakedownCancelsAHeldStoryNobodyHasSeenAndTakesDownOneThatIsLive() {
        ArticleSubmitted takedown = Stories.unpublish("story", 2);
        assertThat(Schedule.decide(takedown, true, false, NOW)).isEqualTo(Schedule.Decision.CANCEL);
        assertThat(Schedule.decide(takedown, true, true, NOW)).isEqualTo(Schedule.Decision.RELEASE);
        assertThat(Schedule.decide(takedown, false, false, NOW)).isEqualTo(Schedule.Decision.RELEASE);
    }

    @Test
    void theWallClockCheckReadsHeldStoriesInTheOrderOfTheirTimes() {
        assertThat(ScheduleGate.timeKey(NOW, "b")).isGreaterThan(ScheduleGate.timeKey(NOW.minusMillis(1), "c"));
        assertThat(ScheduleGate.timeKey(NOW, "b")).isLessThan(ScheduleGate.timeKey(NOW, "\uffff"));
    }

    private static Schedule.Decision decide(ArticleSubmitted.Builder story, boolean held, boolean live) {
        return Schedule.decide(story.build(), held, live, NOW);
    }

    private static ArticleSubmitted.Builder at(Instant publishedAt, Instant embargoUntil) {
        return Stories.story("story", 1).setPublishedAt(publishedAt).setEmbargoUntil(embargoUntil);
    }
}
