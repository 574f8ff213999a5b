package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.galley.enrich.related.Position;
import org.junit.jupiter.api.Test;

/** Which waiting drafts the story-index step indexes, and in what order. */
class WaitingDraftsTest {

    private static WaitingDrafts.Waiting draft(String id, String day, long arrivedAt) {
        return new WaitingDrafts.Waiting(id, Instant.parse(day + "T08:00:00Z"), arrivedAt);
    }

    @Test
    void dueDraftsGoOldestPublicationFirstWithEveryStoryPublishedBeforeTheLatestDue() {
        WaitingDrafts waiting = new WaitingDrafts();
        waiting.add(WaitingDrafts.key("late", 1), draft("late", "2020-03-05", 0));
        waiting.add(WaitingDrafts.key("early", 2), draft("early", "2020-03-01", 100));
        waiting.add(WaitingDrafts.key("late", 3), draft("late", "2020-03-05", 100));
        waiting.add(WaitingDrafts.key("newest", 4), draft("newest", "2020-03-09", 100));

        List<String> due = waiting.due((key, draft) -> draft.arrivedAt() == 0);

        assertThat(due).as("a story's drafts together, in arrival order; nothing after the latest due")
                .containsExactly(WaitingDrafts.key("early", 2), WaitingDrafts.key("late", 1), WaitingDrafts.key("late", 3));
    }

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final IndexPacing PACING = new IndexPacing(Duration.ofMillis(20), Duration.ofMillis(500),
            Duration.ofSeconds(2), Duration.ofMinutes(10));
    private static final WaitingDrafts.Waiting ARCHIVE = draft("b", "2020-03-02", 0);

    private static WaitingDrafts.Progress read(String id, String day, long offset) {
        return new WaitingDrafts.Progress(new Position(Instant.parse(day + "T08:00:00Z"), id), offset);
    }

    @Test
    void anArchiveDraftWaitsForAPartitionWithStoriesStillOnTheirWayThatHasNotPassedIt() {
        Map<Integer, WaitingDrafts.Progress> progress = Map.of(
                0, read("b", "2020-03-02", 40), 1, read("a", "2020-03-01", 10));

        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofSeconds(5), NOW, PACING, progress, ends(Map.of(0, 42L, 1, 50L))))
                .as("partition 1 has 39 records unread and has reached only 1 March").isFalse();
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofSeconds(5), NOW, PACING, progress, ends(Map.of(0, 42L, 1, 12L))))
                .as("partition 1's end is its last draft and a commit marker").isTrue();
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofSeconds(5), NOW, PACING,
                Map.of(0, read("b", "2020-03-02", 40), 1, read("c", "2020-03-03", 10)), ends(Map.of(0, 42L, 1, 50L))))
                .as("partition 1 has passed it").isTrue();
    }

    private static InputEnds.Snapshot ends(Map<Integer, Long> ends) {
        return new InputEnds.Snapshot(ends, Set.of());
    }

    @Test
    void aSettledPartitionHoldsNothingBackWhateverTheIndexLastReadFromIt() {
        Map<Integer, WaitingDrafts.Progress> progress = Map.of(0, read("b", "2020-03-02", 40), 1, read("a", "2020-03-01", 10));

        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofMillis(20), NOW, PACING, progress,
                new InputEnds.Snapshot(Map.of(0, 42L, 1, 14L), Set.of(1))))
                .as("its last records were dead-lettered: no draft is on its way").isTrue();
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofMillis(20), NOW, PACING, Map.of(0, read("b", "2020-03-02", 40)),
                new InputEnds.Snapshot(Map.of(0, 42L, 1, 900L), Set.of(1))))
                .as("drafted and read before a restart").isTrue();
    }

    @Test
    void aPartitionNotHeardFromHoldsArchiveDraftsBackOnlyWhileItHasRecords() {
        Map<Integer, WaitingDrafts.Progress> progress = Map.of(0, read("b", "2020-03-02", 40));

        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofMillis(20), NOW, PACING, progress, ends(Map.of(0, 42L, 1, 7L))))
                .isFalse();
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofMillis(20), NOW, PACING, progress, ends(Map.of(0, 42L, 1, 0L))))
                .isTrue();
    }

    @Test
    void anArchiveDraftWaitsTheCapAtMostAndTheShortGatherAtLeast() {
        Map<Integer, WaitingDrafts.Progress> progress = Map.of(0, read("b", "2020-03-02", 40));
        Map<Integer, Long> oneBehind = Map.of(0, 42L, 1, 7L);

        assertThat(WaitingDrafts.isDue(ARCHIVE, WaitingDrafts.ARCHIVE_CAP.minusMillis(1), NOW, PACING, progress, ends(oneBehind)))
                .isFalse();
        assertThat(WaitingDrafts.isDue(ARCHIVE, WaitingDrafts.ARCHIVE_CAP, NOW, PACING, progress, ends(oneBehind))).isTrue();
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofMillis(19), NOW, PACING, progress, ends(Map.of(0, 42L))))
                .isFalse();
    }

    @Test
    void withTheEndsUnknownAnArchiveDraftWaitsThePlainArchiveGather() {
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofMillis(1999), NOW, PACING, Map.of(), ends(Map.of()))).isFalse();
        assertThat(WaitingDrafts.isDue(ARCHIVE, Duration.ofSeconds(2), NOW, PACING, Map.of(), ends(Map.of()))).isTrue();
    }

    private static final WaitingDrafts.Waiting NEWS = new WaitingDrafts.Waiting("n", NOW.minusSeconds(60), 0);

    @Test
    void newsIsDueAfterTheShortGatherWhenNoPartitionIsABacklogBehind() {
        Map<Integer, WaitingDrafts.Progress> progress = Map.of(0, new WaitingDrafts.Progress(NEWS.position(), 40),
                1, new WaitingDrafts.Progress(new Position(NOW.minusSeconds(61), "m"), 10));
        long aFewOnTheirWay = 11 + WaitingDrafts.NEWS_BACKLOG;

        assertThat(WaitingDrafts.isDue(NEWS, Duration.ofMillis(19), NOW, PACING, progress, ends(Map.of(0, 41L, 1, 11L))))
                .as("the gather").isFalse();
        assertThat(WaitingDrafts.isDue(NEWS, Duration.ofMillis(20), NOW, PACING, progress,
                ends(Map.of(0, 41L, 1, aFewOnTheirWay)))).isTrue();
    }

    @Test
    void newsWaitsForAPartitionABacklogBehindIt() {
        Map<Integer, WaitingDrafts.Progress> progress = Map.of(0, new WaitingDrafts.Progress(NEWS.position(), 40),
                1, new WaitingDrafts.Progress(new Position(NOW.minusSeconds(61), "m"), 10));
        Map<Integer, Long> backlog = Map.of(0, 41L, 1, 12 + WaitingDrafts.NEWS_BACKLOG);

        assertThat(WaitingDrafts.isDue(NEWS, Duration.ofMillis(500), NOW, PACING, progress, ends(backlog))).isFalse();
        assertThat(WaitingDrafts.isDue(NEWS, Duration.ofMillis(500), NOW, PACING,
                Map.of(0, progress.get(0), 1, new WaitingDrafts.Progress(new Position(NOW.minusSeconds(59), "o"), 11)),
                ends(backlog))).as("once that partition has sent a later story").isTrue();
        assertThat(WaitingDrafts.isDue(NEWS, WaitingDrafts.NEWS_CAP, NOW, PACING, progress, ends(backlog)))
                .as("at most the news cap").isTrue();
    }

    @Test
    void withTheEndsUnknownNewsWaitsTheShortGather() {
        assertThat(WaitingDrafts.isDue(NEWS, Duration.ofMillis(20), NOW, PACING, Map.of(), ends(Map.of()))).isTrue();
    }

    @Test
    void nothingIsDueWhileNoStorysFirstDraftIs() {
        WaitingDrafts waiting = new WaitingDrafts();
        waiting.add(WaitingDrafts.key("a", 1), draft("a", "2020-03-05", 100));

        assertThat(waiting.due((key, draft) -> false)).isEmpty();
        assertThat(WaitingDrafts.articleId(WaitingDrafts.key("a", 1))).isEqualTo("a");
    }
}
