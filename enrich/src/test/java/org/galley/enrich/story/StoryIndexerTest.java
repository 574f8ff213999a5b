package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.enrich.SampleStories;
import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.tags.VocabularyFile;
import org.galley.enrich.tags.StoryTagger;
import org.galley.enrich.text.ReadingSettings;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RelatedStory;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;

class StoryIndexerTest {

    private static final Vocabulary VOCABULARY = VocabularyFile.bundled();
    private static final SiteSettings SITE = SiteSettings.stackDigest();
    private final StoryEnricher enricher = new StoryEnricher(ReadingSettings.DEFAULTS, new StoryTagger(VOCABULARY, 8),
            SITE, Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));
    private final StoryIndexer indexer = new StoryIndexer(SITE, RelatedSettings.DEFAULTS, VOCABULARY);
    private final InMemoryStoryIndex index = new InMemoryStoryIndex();

    private ArticleEnriched index(ArticleSubmitted story) {
        return indexer.index(enricher.draft(new ArticleAccepted(story, story.getSubmittedAt().plusSeconds(1))), index).story();
    }

    private static ArticleSubmitted sample(String file, String id, long revision) {
        return SampleStories.submission(file, id, revision);
    }

    private static ArticleSubmitted takedown(String id, long revision) {
        ArticleSubmitted takedown = sample(SampleStories.CLAUDE, id, revision);
        takedown.setAction(Action.UNPUBLISH);
        takedown.setHeadline("");
        takedown.setCategory("");
        takedown.setBodyMarkdown("");
        takedown.setTags(List.of());
        takedown.setSubmittedAt(Instant.parse("2026-05-02T00:00:00Z"));
        takedown.setPublishedAt(null);
        return takedown;
    }

    @Test
    void aCorrectionKeepsTheSlugPathAndFirstPublicationWhateverItsHeadlineSays() {
        ArticleEnriched first = index(sample(SampleStories.CLAUDE, "claude", 1));
        ArticleSubmitted revised = sample(SampleStories.CLAUDE, "claude", 2);
        revised.setHeadline("Claude Clocks In: Anthropic's Agents Get to Work");
        revised.setCategory("Business");
        revised.setPublishedAt(Instant.parse("2026-04-30T00:00:00Z"));
        ArticleEnriched correction = index(revised);

        assertThat(first.getSlug()).isEqualTo("claude-goes-to-work-as-anthropic-bets-on-agents-over-chat");
        assertThat(correction.getSlug()).isEqualTo(first.getSlug());
        assertThat(correction.getPath()).isEqualTo("/ai/claude-goes-to-work-as-anthropic-bets-on-agents-over-chat/");
        assertThat(correction.getUrl()).isEqualTo(SITE.urlOf(correction.getPath()));
        assertThat(correction.getFirstPublishedAt()).isEqualTo(Instant.parse("2026-04-21T00:00:00Z"));
        assertThat(index.story("claude").orElseThrow().headline()).isEqualTo("Claude Clocks In: Anthropic's Agents Get to Work");
    }

    @Test
    void twoStoriesWithOneHeadlineGetDistinctSlugs() {
        ArticleEnriched first = index(sample(SampleStories.KAFKA, "one", 1));
        ArticleEnriched second = index(sample(SampleStories.KAFKA, "two", 1));
        ArticleEnriched third = index(sample(SampleStories.KAFKA, "three", 1));

        assertThat(List.of(first.getSlug(), second.getSlug(), third.getSlug())).containsExactly(
                "why-newsrooms-are-rebuilding-their-publishing-pipelines-around-event-streams",
                "why-newsrooms-are-rebuilding-their-publishing-pipelines-around-event-streams-2",
                "why-newsrooms-are-rebuilding-their-publishing-pipelines-around-event-streams-3");
        assertThat(index.slugOwner(second.getSlug())).contains("two");
    }

    @Test
    void aStoryLinksToAnEarlierStoryOnASharedSubjectLabelledWithWhatItAdds() {
        index(sample(SampleStories.CLAUDE, "claude", 1));
        index(sample(SampleStories.KAFKA, "kafka", 1));
        ArticleEnriched microsoft = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));

        assertThat(microsoft.getRelated()).containsExactly(new RelatedStory("claude",
                "Claude Goes to Work as Anthropic Bets on Agents Over Chat", "Claude",
                "/ai/claude-goes-to-work-as-anthropic-bets-on-agents-over-chat/",
                SITE.urlOf("/ai/claude-goes-to-work-as-anthropic-bets-on-agents-over-chat/")));
    }

    @Test
    void anUnpublishNamesTheKnownPageAndTheStoryIsNoLongerOffered() {
        ArticleEnriched published = index(sample(SampleStories.CLAUDE, "claude", 1));
        ArticleEnriched takenDown = index(takedown("claude", 2));
        ArticleEnriched microsoft = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));

        assertThat(takenDown.getSlug()).isEqualTo(published.getSlug());
        assertThat(takenDown.getPath()).isEqualTo(published.getPath());
        assertThat(takenDown.getUrl()).isEqualTo(published.getUrl());
        assertThat(takenDown.getFirstPublishedAt()).isEqualTo(published.getFirstPublishedAt());
        assertThat(takenDown.getTags()).isEmpty();
        assertThat(takenDown.getRelated()).isEmpty();
        assertThat(index.story("claude").orElseThrow().published()).isFalse();
        assertThat(microsoft.getRelated()).isEmpty();
    }

    @Test
    void aStoryPublishedAgainAfterATakedownKeepsItsAddress() {
        ArticleEnriched first = index(sample(SampleStories.CLAUDE, "claude", 1));
        index(takedown("claude", 2));
        ArticleEnriched again = index(sample(SampleStories.CLAUDE, "claude", 3));

        assertThat(again.getPath()).isEqualTo(first.getPath());
        assertThat(index.story("claude").orElseThrow().published()).isTrue();
    }

    @Test
    void anUnpublishForAStoryNeverSeenStillGoesOutWithASlugFromItsId() {
        ArticleEnriched takenDown = index(takedown("Lost Story 9", 1));

        assertThat(takenDown.getSlug()).isEqualTo("lost-story-9");
        assertThat(takenDown.getPath()).isEqualTo("/lost-story-9/");
        assertThat(index.stories()).isEmpty();
        assertThat(index.slugOwner("lost-story-9")).isEmpty();
    }
}
