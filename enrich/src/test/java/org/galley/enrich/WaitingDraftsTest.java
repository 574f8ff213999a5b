package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.galley.enrich.related.Position;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.junit.jupiter.api.Test;

class WaitingDraftsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final IndexPacing PACING = new IndexPacing(Duration.ofMillis(20), Duration.ofMillis(500),
            Duration.ofSeconds(5), Duration.ofMinutes(10));

    private static ArticleEnriched draft(String articleId, Instant publishedAt) {
        ArticleSubmitted story = SampleStories.submission(SampleStories.CLAUDE, articleId, 1);
        story.setPublishedAt(publishedAt);
        return ArticleEnriched.newBuilder()
                .setSubmission(story).setSlug(articleId).setPath("/ai/" + articleId + "/").setUrl("https://x/")
                .setWordCount(1).setReadingTimeMinutes(1).setTags(List.of()).setExcerpt("").setRelated(List.of())
                .setTicker(List.of()).setFirstPublishedAt(publishedAt).setEnrichedAt(NOW).build();
    }

    private static boolean due(ArticleEnriched draft, long waitedMs, Position... reached) {
        return WaitingDrafts.isDue(draft, Duration.ofMillis(waitedMs), NOW, PACING, List.of(reached));
    }

    @Test
    void newsIsDueAfterTheShortGatherWhateverThePartitionsHaveReached() {
        ArticleEnriched news = draft("news", NOW.minusSeconds(30));

        assertThat(due(news, 19)).isFalse();
        assertThat(due(news, 20)).isTrue();
    }

    @Test
    void anArchiveStoryWaitsUntilEveryPartitionHasPassedItOrAtMostTheArchiveGather() {
        Instant april = Instant.parse("2026-04-21T08:00:00Z");
        ArticleEnriched archive = draft("archive", april);
        Position passed = new Position(april.plusSeconds(60), "later");
        Position behind = new Position(april.minusSeconds(60), "earlier");

        assertThat(due(archive, 20, passed, behind)).isFalse();
        assertThat(due(archive, 4_999, passed, behind)).isFalse();
        assertThat(due(archive, 5_000, passed, behind)).isTrue();
        assertThat(due(archive, 20, passed, passed)).isTrue();
        assertThat(due(archive, 19, passed, passed)).isFalse();
        assertThat(due(archive, 20, new Position(april, "archive"))).isTrue();
    }

    @Test
    void aDueStoryTakesEveryWaitingStoryPublishedBeforeItAndEachStorysDraftsStayTogether() {
        ArticleEnriched early = draft("early", Instant.parse("2026-04-01T00:00:00Z"));
        ArticleEnriched late = draft("late", Instant.parse("2026-04-20T00:00:00Z"));
        ArticleEnriched later = draft("later", Instant.parse("2026-04-25T00:00:00Z"));
        List<KeyValue<String, ArticleEnriched>> waiting = List.of(
                KeyValue.pair(WaitingDrafts.key("early", 3), early),
                KeyValue.pair(WaitingDrafts.key("late", 1), late),
                KeyValue.pair(WaitingDrafts.key("later", 2), later));

        List<KeyValue<String, ArticleEnriched>> ready = WaitingDrafts.ready(waiting, (key, draft) -> draft == late);

        assertThat(WaitingDrafts.inPublicationOrder(ready)).extracting(d -> d.getSubmission().getArticleId())
                .containsExactly("early", "late");
    }
}
