package org.galley.ingest.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    private static final Instant MORNING = Instant.parse("2026-04-28T09:30:00Z");

    @Test
    void anIdIsTheDateTheHeadlineSlugAndAFingerprint() {
        String id = ArticleIds.assign(story("Budget Vote Delayed", null, MORNING));

        assertThat(id).matches("2026-04-28-budget-vote-delayed-[0-9a-hjkmnp-tv-z]{6}");
    }

    @Test
    void theSameStorySentAgainLaterGetsTheSameId() {
        ArticleSubmitted first = story("Budget Vote Delayed", null, MORNING);
        ArticleSubmitted retried = story("Budget Vote Delayed", null, MORNING.plusSeconds(3600));
        retried.setSource("another-tool");
        retried.setRevision(2);

        assertThat(ArticleIds.assign(retried)).isEqualTo(ArticleIds.assign(first));
    }

    @Test
    void twoStoriesWithOneHeadlineOnOneDayGetTwoIds() {
        ArticleSubmitted council = story("Budget Vote Delayed", null, MORNING);
        ArticleSubmitted school = story("Budget Vote Delayed", null, MORNING);
        school.setBodyMarkdown("The school board, too.");

        assertThat(ArticleIds.assign(school)).isNotEqualTo(ArticleIds.assign(council))
                .startsWith("2026-04-28-budget-vote-delayed-");
    }

    @Test
    void everyPartOfTheContentChangesTheFingerprint() {
        String base = ArticleIds.fingerprint(story("Budget Vote Delayed", MORNING, MORNING));
        List<Consumer<ArticleSubmitted>> changes = List.of(
                story -> story.setDek("Another dek."),
                story -> story.setByline("Someone Else"),
                story -> story.setCategory("Politics"),
                story -> story.setTags(List.of("Budget", "Council")),
                story -> story.setHero(new HeroImage("https://news.example/a.png", "A hall", null, null)),
                story -> story.setLanguage("pt-BR"),
                story -> story.setPublishedAt(MORNING.plusSeconds(60)),
                story -> story.setAction(Action.UNPUBLISH));

        assertThat(changes).allSatisfy(change -> {
            ArticleSubmitted changed = story("Budget Vote Delayed", MORNING, MORNING);
            change.accept(changed);
            assertThat(ArticleIds.fingerprint(changed)).isNotEqualTo(base);
        });
    }

    @Test
    void theDateIsThePublicationDateWhenTheStoryGivesOne() {
        ArticleSubmitted story = story("Budget Vote Delayed", Instant.parse("2026-03-01T23:59:00Z"), MORNING);

        assertThat(ArticleIds.assign(story)).startsWith("2026-03-01-budget-vote-delayed-");
    }

    @Test
    void theSlugDropsAccentsAndPunctuation() {
        assertThat(ArticleIds.slug("  Ana Müller's \"Café\" Wins: 3 Prizes! ")).isEqualTo("ana-muller-s-cafe-wins-3-prizes");
    }

    @Test
    void aLongHeadlineIsCutAtAWordEnd() {
        String slug = ArticleIds.slug("The council postponed the budget vote again after a long night of arguments about the harbour");

        assertThat(slug).hasSizeLessThanOrEqualTo(ArticleIds.MAX_SLUG).doesNotEndWith("-")
                .isEqualTo("the-council-postponed-the-budget-vote-again-after-a-long");
    }

    @Test
    void aHeadlineWithoutLatinLettersStillGivesAReadableId() {
        String id = ArticleIds.assign(story("東京で予算案の採決が延期", null, MORNING));

        assertThat(id).matches("2026-04-28-story-[0-9a-z]{6}");
    }

    private static ArticleSubmitted story(String headline, Instant publishedAt, Instant submittedAt) {
        return ArticleSubmitted.newBuilder()
                .setArticleId("ignored")
                .setRevision(1)
                .setAction(Action.PUBLISH)
                .setHeadline(headline)
                .setByline("Ana Müller")
                .setCategory("City")
                .setBodyMarkdown("The council will vote next week.")
                .setTags(List.of())
                .setSubmittedAt(submittedAt)
                .setSource("http")
                .setPublishedAt(publishedAt)
                .build();
    }
}
