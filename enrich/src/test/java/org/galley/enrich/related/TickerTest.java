package org.galley.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.galley.enrich.tags.StoryTag;
import org.junit.jupiter.api.Test;

class TickerTest {

    private static final Instant DAY = Instant.parse("2026-04-01T00:00:00Z");

    private static StorySummary story(String id, int day) {
        return new StorySummary(id, "Headline of " + id, id, "/news/" + id + "/", List.of(StoryTag.named("AI")),
                DAY.plusSeconds(day * 86_400L), true);
    }

    private static List<String> ticker(StorySummary current, StorySummary... stories) {
        return Ticker.latest(current, List.of(stories)).stream().map(StorySummary::articleId).toList();
    }

    @Test
    void theTickerIsTheStoryAndTheFourLatestBeforeItNewestFirst() {
        StorySummary current = story("current", 10);

        assertThat(ticker(current, story("d1", 1), story("d2", 2), story("d3", 3), story("d4", 4), story("d5", 5),
                story("d6", 6))).containsExactly("current", "d6", "d5", "d4", "d3");
        assertThat(Ticker.TICKER_SIZE).isEqualTo(5);
    }

    @Test
    void laterAndTakenDownStoriesNeverAppear() {
        StorySummary current = story("current", 10);

        assertThat(ticker(current, story("later", 11), story("gone", 9).unpublished(), story("earlier", 8)))
                .containsExactly("current", "earlier");
    }

    @Test
    void storiesPublishedAtTheSameMomentFollowTheirIds() {
        StorySummary current = story("m", 5);

        assertThat(ticker(current, story("a", 5), story("z", 5), story("b", 5)))
                .containsExactly("m", "b", "a");
    }

    @Test
    void theTickerDoesNotDependOnTheOrderStoriesAreGivenIn() {
        StorySummary current = story("current", 10);
        StorySummary[] stories = {story("a", 3), story("b", 9), story("c", 1), story("d", 7), story("e", 8)};

        assertThat(ticker(current, stories)).isEqualTo(ticker(current, stories[4], stories[2], stories[0],
                stories[3], stories[1]));
    }
}
