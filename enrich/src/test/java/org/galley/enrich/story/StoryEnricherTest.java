package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.enrich.SampleStories;
import org.galley.enrich.tags.VocabularyFile;
import org.galley.enrich.tags.StoryTagger;
import org.galley.enrich.text.ReadingSettings;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Tag;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;

class StoryEnricherTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private final StoryEnricher enricher = new StoryEnricher(ReadingSettings.DEFAULTS,
            new StoryTagger(VocabularyFile.bundled(), 8), SiteSettings.stackDigest(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void draftsTheStackDigestStory() {
        ArticleAccepted accepted = SampleStories.accepted(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1);
        ArticleEnriched draft = enricher.draft(accepted);

        assertThat(draft.getSlug()).isEqualTo("microsoft-and-openai-are-not-breaking-up-but-they-are-no-longer-one-company-in");
        assertThat(draft.getPath()).isEqualTo("/ai/" + draft.getSlug() + "/");
        assertThat(draft.getUrl()).isEqualTo(SiteSettings.stackDigest().urlOf(draft.getPath()));
        assertThat(draft.getWordCount()).isEqualTo(1038);
        assertThat(draft.getReadingTimeMinutes()).isEqualTo(5);
        assertThat(draft.getExcerpt()).isEqualTo(accepted.getSubmission().getDek());
        assertThat(draft.getTags()).extracting(Tag::getName).contains("AI", "Microsoft", "OpenAI", "Azure", "Amazon Web Services");
        assertThat(draft.getTags()).contains(new Tag("Amazon Web Services", "amazon-web-services"));
        assertThat(draft.getRelated()).isEmpty();
        assertThat(draft.getFirstPublishedAt()).isEqualTo(Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(draft.getEnrichedAt()).isEqualTo(NOW);
        assertThat(draft.getSubmission()).isEqualTo(accepted.getSubmission());
    }

    @Test
    void withoutAPublicationDateTheStoryIsPublishedWhenAccepted() {
        ArticleAccepted accepted = SampleStories.accepted(SampleStories.KAFKA, "kafka", 1);
        accepted.getSubmission().setPublishedAt(null);
        assertThat(enricher.draft(accepted).getFirstPublishedAt()).isEqualTo(accepted.getAcceptedAt());
    }

    @Test
    void withoutADekTheExcerptIsTheOpeningOfTheBody() {
        ArticleAccepted accepted = SampleStories.accepted(SampleStories.KAFKA, "kafka", 1);
        accepted.getSubmission().setDek(null);
        assertThat(enricher.draft(accepted).getExcerpt())
                .startsWith("For two decades most news sites ran on one large content management system");
    }

    @Test
    void anUnpublishDraftHasNoContentAndASlugFromTheId() {
        ArticleSubmitted takedown = SampleStories.submission(SampleStories.CLAUDE, "Claude 2026/04", 3);
        takedown.setAction(Action.UNPUBLISH);
        takedown.setHeadline("");
        takedown.setBodyMarkdown("");
        takedown.setTags(List.of());
        ArticleEnriched draft = enricher.draft(new ArticleAccepted(takedown, NOW, null));

        assertThat(draft.getSlug()).isEqualTo("claude-2026-04");
        assertThat(draft.getPath()).isEqualTo("/ai/claude-2026-04/");
        assertThat(draft.getWordCount()).isZero();
        assertThat(draft.getReadingTimeMinutes()).isZero();
        assertThat(draft.getTags()).isEmpty();
        assertThat(draft.getExcerpt()).isEmpty();
    }

    @Test
    void aPreviewIsTheDraftAtItsPreviewAddressWithItsToken() {
        ArticleAccepted accepted = SampleStories.accepted(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1);
        accepted.setPreviewToken("q7Vd0uXo3kZ9bY2cR5mN8wT1");
        ArticleEnriched draft = enricher.draft(accepted);

        ArticleEnriched preview = enricher.preview(accepted);

        assertThat(preview.getPath()).isEqualTo("/preview/q7Vd0uXo3kZ9bY2cR5mN8wT1/");
        assertThat(preview.getUrl()).isEqualTo(SiteSettings.stackDigest().urlOf(preview.getPath()));
        assertThat(preview.getPreviewToken()).isEqualTo("q7Vd0uXo3kZ9bY2cR5mN8wT1");
        assertThat(preview.getRelated()).isEmpty();
        assertThat(preview.getTicker()).isEmpty();
        assertThat(preview.getResend()).isZero();
        assertThat(draft.getPreviewToken()).isNull();
        assertThat(preview).usingRecursiveComparison().ignoringFields("path", "url", "previewToken")
                .isEqualTo(draft);
    }

    @Test
    void aPreviewNeedsALongUrlSafeToken() {
        ArticleAccepted accepted = SampleStories.accepted(SampleStories.KAFKA, "kafka", 1);
        for (String token : new String[] {null, "", "tooShort123", "q7Vd0uXo3kZ9bY2c/../R5mN8wT1", "q7Vd0uXo3kZ9bY2c R5mN8wT1"}) {
            accepted.setPreviewToken(token);
            assertThatThrownBy(() -> enricher.preview(accepted)).as(String.valueOf(token))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preview token");
        }
    }
}
