package org.galley.render.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.render.StoryFixtures;
import org.junit.jupiter.api.Test;

class PublicationsTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");

    @Test
    void publishedEventCarriesThePageItsHashAndTheStorysListingFields() {
        ArticleEnriched story = StoryFixtures.microsoftOpenAi();

        ArticlePublished event = Publications.published(story, "<!doctype html><p>é</p>", NOW);

        assertThat(event.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(event.getArticleId()).isEqualTo(StoryFixtures.MICROSOFT_ID);
        assertThat(event.getPath()).isEqualTo(StoryFixtures.MICROSOFT_PATH);
        assertThat(event.getUrl()).isEqualTo(story.getUrl());
        assertThat(event.getSlug()).isEqualTo(story.getSlug());
        assertThat(event.getOccurredAt()).isEqualTo(NOW);
        assertThat(event.getPage().getHtml()).isEqualTo("<!doctype html><p>é</p>");
        assertThat(event.getPage().getContentHash())
                .isEqualTo("6f2814aeacb4633307e395dc4176d1e9aae559bb642413518806f63d0fcc3266");
        assertThat(event.getPage().getPublishedAt()).isEqualTo(story.getFirstPublishedAt());
        assertThat(event.getPage().getUpdatedAt()).isEqualTo(StoryFixtures.SUBMITTED_AT);
        assertThat(event.getPage().getReadingTimeMinutes()).isEqualTo(7);
        assertThat(event.getPage().getRelated()).extracting(r -> r.getLabel()).containsExactly("Claude");
        assertThat(event.getPage().getHero().getCredit()).isEqualTo("Photo: Unsplash");
    }

    @Test
    void contentHashIsHexSha256OfTheUtf8Bytes() {
        assertThat(Publications.contentHash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Publications.contentHash("\u00e9"))
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void unpublishedEventHasNoPageButNamesThePathToTakeDown() {
        ArticleEnriched removal = StoryFixtures.unpublishing(StoryFixtures.microsoftOpenAi());

        ArticlePublished event = Publications.unpublished(removal, NOW);

        assertThat(event.getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(event.getPage()).isNull();
        assertThat(event.getPath()).isEqualTo(StoryFixtures.MICROSOFT_PATH);
        assertThat(event.getRevision()).isEqualTo(2);
    }

    @Test
    void aRevisionSubmittedBeforeItsPublicationDateIsNotModifiedBeforeItWasPublished() {
        ArticleEnriched story = StoryFixtures.microsoftOpenAi();
        ArticleEnriched early = StoryFixtures.withSubmission(story, submission -> submission
                .setSubmittedAt(story.getFirstPublishedAt().minusSeconds(3600)));

        Instant updated = Publications.updatedAt(early);

        assertThat(updated).isEqualTo(story.getFirstPublishedAt());
    }

    @Test
    void publishedPageGoesUnderItsPath() {
        ArticlePublished event = Publications.published(StoryFixtures.microsoftOpenAi(), "<p>page</p>", NOW);

        assertThat(Publications.pageUpdates(event, null))
                .containsExactly(PageUpdate.page(StoryFixtures.MICROSOFT_PATH, "<p>page</p>"));
        assertThat(Publications.pageUpdates(event, StoryFixtures.MICROSOFT_PATH))
                .containsExactly(PageUpdate.page(StoryFixtures.MICROSOFT_PATH, "<p>page</p>"));
    }

    @Test
    void revisionAtANewPathPutsTheNewPageThenRemovesTheOld() {
        ArticlePublished event = Publications.published(StoryFixtures.microsoftOpenAi(), "<p>page</p>", NOW);

        assertThat(Publications.pageUpdates(event, "/old/path/")).containsExactly(
                PageUpdate.page(StoryFixtures.MICROSOFT_PATH, "<p>page</p>"), PageUpdate.removal("/old/path/"));
    }

    @Test
    void takenDownPageIsRemovedWhereverItWas() {
        ArticlePublished event = Publications.unpublished(StoryFixtures.unpublishing(StoryFixtures.microsoftOpenAi()), NOW);

        assertThat(Publications.pageUpdates(event, StoryFixtures.MICROSOFT_PATH))
                .containsExactly(PageUpdate.removal(StoryFixtures.MICROSOFT_PATH));
        assertThat(Publications.pageUpdates(event, "/old/path/"))
                .containsExactly(PageUpdate.removal(StoryFixtures.MICROSOFT_PATH), PageUpdate.removal("/old/path/"));
        assertThat(Publications.pageUpdates(event, null).get(0).isRemoval()).isTrue();
    }

    @Test
    void bothEventsCarryTheResendNumberEnrichGaveTheStory() {
        ArticleEnriched resent = StoryFixtures.copy(StoryFixtures.microsoftOpenAi()).setResend(3).build();
        ArticleEnriched removal = StoryFixtures.copy(StoryFixtures.unpublishing(StoryFixtures.microsoftOpenAi()))
                .setResend(2).build();

        assertThat(Publications.published(resent, "<p>page</p>", NOW).getResend()).isEqualTo(3);
        assertThat(Publications.unpublished(removal, NOW).getResend()).isEqualTo(2);
        assertThat(Publications.published(StoryFixtures.microsoftOpenAi(), "<p>page</p>", NOW).getResend()).isZero();
    }
}
