package org.galley.render.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TickerTest {

    private static TickerEntry story(String id, String day) {
        return new TickerEntry(id, "Headline " + id, "/ai/" + id + "/", Instant.parse("2026-04-" + day + "T12:00:00Z"));
    }

    @Test
    void newestPublishedStoryLeads() {
        Ticker ticker = Ticker.EMPTY.with(story("a", "20")).with(story("c", "22")).with(story("b", "21"));

        assertThat(ticker.latest()).extracting(TickerEntry::articleId).containsExactly("c", "b", "a");
    }

    @Test
    void correctionReplacesTheHeadlineInPlaceWithoutJumpingTheQueue() {
        Ticker ticker = Ticker.EMPTY.with(story("a", "20")).with(story("b", "21"));

        TickerEntry corrected = new TickerEntry("a", "Corrected", "/ai/a/", Instant.parse("2026-04-20T12:00:00Z"));
        Ticker next = ticker.with(corrected);

        assertThat(next.latest()).extracting(TickerEntry::headline).containsExactly("Headline b", "Corrected");
    }

    @Test
    void showsFiveAndRemembersMoreSoATakedownLetsTheNextOneUp() {
        Ticker ticker = Ticker.EMPTY;
        for (int day = 10; day < 17; day++) {
            ticker = ticker.with(story("s" + day, String.valueOf(day)));
        }

        assertThat(ticker.latest()).extracting(TickerEntry::articleId).containsExactly("s16", "s15", "s14", "s13", "s12");
        assertThat(ticker.without("s14").latest()).extracting(TickerEntry::articleId)
                .containsExactly("s16", "s15", "s13", "s12", "s11");
    }

    @Test
    void keepsABoundedHistory() {
        Ticker ticker = IntStream.range(0, 50).mapToObj(i -> new TickerEntry("s" + i, "h", "/p/",
                Instant.ofEpochSecond(i))).reduce(Ticker.EMPTY, Ticker::with, (left, right) -> right);

        assertThat(ticker.entries()).hasSize(Ticker.KEPT);
        assertThat(ticker.entries().get(0).articleId()).isEqualTo("s49");
    }

    @Test
    void storiesPublishedAtTheSameInstantListTheLatestRenderedFirst() {
        Ticker ticker = Ticker.EMPTY.with(story("a", "20")).with(story("b", "20"));

        assertThat(ticker.latest()).extracting(TickerEntry::articleId).containsExactly("b", "a");
    }
}
