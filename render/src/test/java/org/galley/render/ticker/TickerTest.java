package org.galley.render.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;

import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.render.StoryFixtures;
import org.galley.render.publish.Publications;
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

    @Test
    void publishedEventPutsItsPageInPlaceByFirstPublication() {
        Ticker ticker = Ticker.EMPTY
                .after(published(StoryFixtures.microsoftOpenAi()))
                .after(published(StoryFixtures.claudeGoesToWork()));

        assertThat(ticker.latest()).containsExactly(
                new TickerEntry(StoryFixtures.MICROSOFT_ID, StoryFixtures.microsoftOpenAi().getSubmission().getHeadline(),
                        StoryFixtures.MICROSOFT_PATH, Instant.parse("2026-04-28T00:00:00Z")),
                new TickerEntry(StoryFixtures.CLAUDE_ID, StoryFixtures.claudeGoesToWork().getSubmission().getHeadline(),
                        StoryFixtures.CLAUDE_PATH, Instant.parse("2026-04-21T00:00:00Z")));
    }

    @Test
    void correctionEventUpdatesTheHeadlineWhereTheStoryStands() {
        ArticleEnriched corrected = StoryFixtures.withSubmission(StoryFixtures.claudeGoesToWork(),
                submission -> submission.setRevision(2).setHeadline("Claude Goes to Work (corrected)"));
        Ticker ticker = Ticker.EMPTY
                .after(published(StoryFixtures.claudeGoesToWork()))
                .after(published(StoryFixtures.microsoftOpenAi()))
                .after(published(corrected));

        assertThat(ticker.latest()).extracting(TickerEntry::headline).containsExactly(
                StoryFixtures.microsoftOpenAi().getSubmission().getHeadline(), "Claude Goes to Work (corrected)");
    }

    @Test
    void unpublishEventTakesTheStoryOutAndATombstoneChangesNothing() {
        Ticker ticker = Ticker.EMPTY
                .after(published(StoryFixtures.claudeGoesToWork()))
                .after(published(StoryFixtures.microsoftOpenAi()));

        Ticker afterTakedown = ticker.after(
                Publications.unpublished(StoryFixtures.unpublishing(StoryFixtures.claudeGoesToWork()), Instant.EPOCH));

        assertThat(afterTakedown.entries()).extracting(TickerEntry::articleId).containsExactly(StoryFixtures.MICROSOFT_ID);
        assertThat(ticker.after(null)).isEqualTo(ticker);
    }

    private static ArticlePublished published(ArticleEnriched article) {
        return Publications.published(article, "<p>page</p>", Instant.EPOCH);
    }
}
