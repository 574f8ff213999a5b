package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

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

    @Test
    void nothingIsDueWhileNoStorysFirstDraftIs() {
        WaitingDrafts waiting = new WaitingDrafts();
        waiting.add(WaitingDrafts.key("a", 1), draft("a", "2020-03-05", 100));

        assertThat(waiting.due((key, draft) -> false)).isEmpty();
        assertThat(WaitingDrafts.articleId(WaitingDrafts.key("a", 1))).isEqualTo("a");
    }
}
