package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.enrich.SampleStories;
import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.tags.VocabularyFile;
import org.galley.enrich.tags.StoryTagger;
import org.galley.enrich.text.ReadingSettings;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Headline;
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
        return file(story).story();
    }

    private StoryIndexer.Indexed file(ArticleSubmitted story) {
        return indexer.index(enricher.draft(new ArticleAccepted(story, story.getSubmittedAt().plusSeconds(1), null)), index);
    }

    private static List<String> ticker(ArticleEnriched story) {
        return story.getTicker().stream().map(headline -> headline.getArticleId() + ": " + headline.getHeadline())
                .toList();
    }

    private static ArticleSubmitted sample(String file, String id, long revision) {
        return SampleStories.submission(file, id, revision);
    }

    /** A story filed from {@code file}, published on {@code day}. */
    private static ArticleSubmitted sample(String file, String id, long revision, String day) {
        ArticleSubmitted story = sample(file, id, revision);
        story.setPublishedAt(Instant.parse(day + "T08:00:00Z"));
        return story;
    }

    /** The re-send number of the event {@code indexed} sent again for {@code id}. */
    private static int resendOf(String id, StoryIndexer.Indexed indexed) {
        return indexed.relinked().stream().filter(again -> again.getSubmission().getArticleId().equals(id))
                .map(ArticleEnriched::getResend).findFirst()
                .orElseThrow(() -> new AssertionError(id + " was not sent again"));
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

    @Test
    void aStoryFiledLateIsLinkedFromTheLaterStoryWhichIsSentAgain() {
        ArticleEnriched microsoft = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        StoryIndexer.Indexed claude = file(sample(SampleStories.CLAUDE, "claude", 1));

        assertThat(microsoft.getRelated()).isEmpty();
        assertThat(claude.story().getRelated()).isEmpty();
        assertThat(ticker(claude.story())).containsExactly(
                "claude: Claude Goes to Work as Anthropic Bets on Agents Over Chat");
        assertThat(claude.relinked()).singleElement().satisfies(again -> {
            assertThat(again.getSubmission()).isEqualTo(microsoft.getSubmission());
            assertThat(again.getPath()).isEqualTo(microsoft.getPath());
            assertThat(again.getRelated()).extracting(RelatedStory::getArticleId, RelatedStory::getLabel)
                    .containsExactly(tuple("claude", "Claude"));
            assertThat(ticker(again)).containsExactly(
                    "msft: Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice",
                    "claude: Claude Goes to Work as Anthropic Bets on Agents Over Chat");
            assertThat(again.getTicker().get(1).getUrl()).isEqualTo(SITE.urlOf(claude.story().getPath()));
            assertThat(again.getTicker().get(1).getPublishedAt()).isEqualTo(Instant.parse("2026-04-21T00:00:00Z"));
        });
    }

    @Test
    void aTakedownSendsAgainTheLaterStoryThatShowedIt() {
        index(sample(SampleStories.CLAUDE, "claude", 1));
        ArticleEnriched microsoft = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        StoryIndexer.Indexed takedown = file(takedown("claude", 2));

        assertThat(microsoft.getRelated()).extracting(RelatedStory::getArticleId).containsExactly("claude");
        assertThat(takedown.story().getTicker()).isEmpty();
        assertThat(takedown.relinked()).singleElement().satisfies(again -> {
            assertThat(again.getSubmission().getArticleId()).isEqualTo("msft");
            assertThat(again.getRelated()).isEmpty();
            assertThat(again.getTicker()).extracting(Headline::getArticleId).containsExactly("msft");
        });
        assertThat(index.draft("claude")).isEmpty();
    }

    @Test
    void aHeadlineCorrectionReachesTheLaterPagesThatShowIt() {
        index(sample(SampleStories.CLAUDE, "claude", 1));
        index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        ArticleSubmitted corrected = sample(SampleStories.CLAUDE, "claude", 2);
        corrected.setHeadline("Claude Clocks In as Anthropic Bets on Agents");

        StoryIndexer.Indexed correction = file(corrected);

        assertThat(correction.relinked()).singleElement().satisfies(again -> {
            assertThat(again.getRelated()).extracting(RelatedStory::getHeadline)
                    .containsExactly("Claude Clocks In as Anthropic Bets on Agents");
            assertThat(ticker(again)).endsWith("claude: Claude Clocks In as Anthropic Bets on Agents");
        });
    }

    @Test
    void aCorrectionOthersCannotSeeSendsNoOtherStory() {
        index(sample(SampleStories.CLAUDE, "claude", 1));
        index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        ArticleSubmitted typoFixed = sample(SampleStories.CLAUDE, "claude", 2);
        typoFixed.setBodyMarkdown(typoFixed.getBodyMarkdown() + "\n\nCorrection: an earlier version misspelt a name.\n");

        StoryIndexer.Indexed correction = file(typoFixed);

        assertThat(correction.relinked()).isEmpty();
        assertThat(index.draft("claude")).hasValueSatisfying(
                draft -> assertThat(draft.getSubmission().getRevision()).isEqualTo(2));
    }

    @Test
    void aStoryIndexedWithoutADraftKeepsItsLastEventUntilItsNextRevision() {
        // As left by an enrich that kept no drafts: summary and listings, nothing to complete it again from.
        StorySummary older = new StorySummary("older", "An Older Story on AI", "an-older-story-on-ai",
                "/ai/an-older-story-on-ai/", List.of(StoryTag.named("AI")), Instant.parse("2026-04-25T00:00:00Z"), true);
        index.put(older);
        index.list(older);

        StoryIndexer.Indexed claude = file(sample(SampleStories.CLAUDE, "claude", 1));

        assertThat(claude.relinked()).isEmpty();
        assertThat(index.story("older").orElseThrow().related()).isEmpty();
    }

    @Test
    void aRevisionsOwnEventIsSendZeroAndEachRelinkOfItTakesTheNextNumberUntilTheNextRevision() {
        ArticleEnriched first = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        int firstRelink = resendOf("msft", file(sample(SampleStories.KAFKA, "kafka-1", 1, "2026-04-20")));
        int secondRelink = resendOf("msft", file(sample(SampleStories.KAFKA, "kafka-2", 1, "2026-04-21")));
        ArticleEnriched correction = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 2));
        int relinkOfCorrection = resendOf("msft", file(sample(SampleStories.KAFKA, "kafka-3", 1, "2026-04-22")));

        assertThat(List.of(first.getResend(), firstRelink, secondRelink, correction.getResend(), relinkOfCorrection))
                .containsExactly(0, 1, 2, 0, 1);
        assertThat(index.story("msft").orElseThrow().resend()).isEqualTo(1);
    }

    @Test
    void aTakedownAndARepublicationAfterItAreEachSendZeroOfTheirRevision() {
        index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        assertThat(resendOf("msft", file(sample(SampleStories.KAFKA, "kafka-1", 1, "2026-04-20")))).isEqualTo(1);

        ArticleEnriched takenDown = index(takedown("msft", 2));
        ArticleEnriched again = index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 3));
        int relinkOfRepublication = resendOf("msft", file(sample(SampleStories.KAFKA, "kafka-2", 1, "2026-04-21")));

        assertThat(takenDown.getResend()).isZero();
        assertThat(again.getResend()).isZero();
        assertThat(relinkOfRepublication).isEqualTo(1);
    }

    @Test
    void aStorysOwnEventIsSendZeroEvenWhenItsLinksAreSentAgainInTheSameStep() {
        index(sample(SampleStories.MICROSOFT_OPENAI, "msft", 1));
        StoryIndexer.Indexed claude = file(sample(SampleStories.CLAUDE, "claude", 1));

        assertThat(claude.story().getResend()).isZero();
        assertThat(claude.relinked()).extracting(ArticleEnriched::getResend).containsExactly(1);
    }
}
