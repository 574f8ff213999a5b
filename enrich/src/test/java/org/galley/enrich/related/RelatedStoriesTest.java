package org.galley.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.tags.VocabularyFile;
import org.junit.jupiter.api.Test;

class RelatedStoriesTest {

    private static final Vocabulary VOCABULARY = VocabularyFile.bundled();
    private static final Instant NOW = Instant.parse("2026-04-28T00:00:00Z");

    private static StorySummary story(String id, int daysAgo, String... tags) {
        return new StorySummary(id, "Headline of " + id, id, "/ai/" + id + "/",
                Arrays.stream(tags).map(StoryTag::named).toList(),
                NOW.minusSeconds(daysAgo * 86_400L), true);
    }

    private static List<String> chosen(StorySummary current, RelatedSettings settings, StorySummary... index) {
        return RelatedStories.choose(current, Stream.of(index), settings, VOCABULARY).stream()
                .map(choice -> choice.story().articleId()).toList();
    }

    @Test
    void moreSharedTagsRankHigherAndRecencyBreaksTies() {
        StorySummary current = story("current", 0, "AI", "Microsoft", "OpenAI");
        List<String> related = chosen(current, RelatedSettings.DEFAULTS,
                story("one-tag-recent", 1, "AI"),
                story("two-tags-old", 30, "AI", "OpenAI"),
                story("one-tag-old", 20, "Microsoft"),
                story("nothing-shared", 1, "Rust"));
        assertThat(related).containsExactly("two-tags-old", "one-tag-recent", "one-tag-old");
    }

    @Test
    void equalScoresAndDatesAreOrderedByIdWhateverTheIndexOrder() {
        StorySummary current = story("current", 0, "AI");
        StorySummary b = story("b", 1, "AI");
        StorySummary a = story("a", 1, "AI");
        assertThat(chosen(current, RelatedSettings.DEFAULTS, b, a)).containsExactly("a", "b");
        assertThat(chosen(current, RelatedSettings.DEFAULTS, a, b)).containsExactly("a", "b");
    }

    @Test
    void neverTheStoryItselfNorAnUnpublishedStory() {
        StorySummary current = story("current", 0, "AI");
        StorySummary olderSelf = story("current", 5, "AI");
        StorySummary takenDown = story("taken-down", 1, "AI").unpublished();
        assertThat(chosen(current, RelatedSettings.DEFAULTS, olderSelf, takenDown)).isEmpty();
    }

    @Test
    void newerStoriesOnlyWhenTheNewsroomAsks() {
        StorySummary current = story("current", 10, "AI");
        StorySummary newer = story("newer", 1, "AI");
        assertThat(chosen(current, RelatedSettings.DEFAULTS, newer)).isEmpty();
        assertThat(chosen(current, new RelatedSettings(3, true, 50), newer)).containsExactly("newer");
    }

    @Test
    void atMostTheConfiguredNumber() {
        StorySummary current = story("current", 0, "AI");
        StorySummary[] index = {story("a", 1, "AI"), story("b", 2, "AI"), story("c", 3, "AI"), story("d", 4, "AI")};
        assertThat(chosen(current, RelatedSettings.DEFAULTS, index)).containsExactly("a", "b", "c");
        assertThat(chosen(current, new RelatedSettings(1, false, 50), index)).containsExactly("a");
        assertThat(chosen(current, new RelatedSettings(0, false, 50), index)).isEmpty();
    }

    @Test
    void theLabelIsTheRelatedStorysFirstTagTheCurrentOneLacks() {
        StorySummary related = story("r", 1, "AI", "Rust", "Security");
        assertThat(RelatedStories.label(related, Set.of("ai"), VOCABULARY)).isEqualTo("Rust");
        assertThat(RelatedStories.label(related, Set.of("ai", "rust"), VOCABULARY)).isEqualTo("Security");
    }

    @Test
    void theLabelPrefersTheNarrowerTermClaudeOverAnthropic() {
        StorySummary claudeStory = story("claude", 7, "AI", "Anthropic", "Claude", "Google", "Amazon Web Services");
        Set<String> microsoftStory = Set.of("ai", "microsoft", "openai", "azure", "amazon", "amazon-web-services", "google");
        assertThat(RelatedStories.label(claudeStory, microsoftStory, VOCABULARY)).isEqualTo("Claude");
        assertThat(RelatedStories.label(claudeStory, Set.of("ai", "claude"), VOCABULARY)).isEqualTo("Anthropic");
    }

    @Test
    void withoutAMissingTagTheLabelIsTheFirstTagElseTheHeadline() {
        assertThat(RelatedStories.label(story("r", 1, "AI", "Google"), Set.of("ai", "google"), VOCABULARY)).isEqualTo("AI");
        assertThat(RelatedStories.label(story("r", 1), Set.of("ai"), VOCABULARY)).isEqualTo("Headline of r");
    }

    @Test
    void aChoiceCarriesItsLabelAndSharedTags() {
        StorySummary current = story("current", 0, "AI", "Microsoft");
        List<RelatedChoice> choices = RelatedStories.choose(current, Stream.of(story("claude", 7, "AI", "Anthropic", "Claude")),
                RelatedSettings.DEFAULTS, VOCABULARY);
        assertThat(choices).singleElement().satisfies(choice -> {
            assertThat(choice.label()).isEqualTo("Claude");
            assertThat(choice.sharedTags()).isEqualTo(1);
        });
    }

    @Test
    void theLabelPrefersTheTagTheRelatedHeadlineNamesFirst() {
        StorySummary release = new StorySummary("kestrel", "Kestrel 3.0 Brings Tiered Storage to the Time-Series Database",
                "kestrel-3", "/engineering/kestrel-3/",
                List.of(StoryTag.named("Open Source"), StoryTag.named("PostgreSQL"), StoryTag.named("Databases"),
                        StoryTag.named("Kestrel"), StoryTag.named("Tiered Storage")),
                NOW, true);
        assertThat(RelatedStories.label(release, Set.of("open-source"), VOCABULARY)).isEqualTo("Kestrel");
        assertThat(RelatedStories.label(release, Set.of("kestrel"), VOCABULARY)).isEqualTo("Tiered Storage");
    }

    private static List<String> window(StorySummary current, RelatedSettings settings, StorySummary... stories) {
        return RelatedStories.window(current, List.of(stories), settings).stream()
                .map(StorySummary::articleId).toList();
    }

    @Test
    void theWindowHoldsTheLatestLiveStoriesOfEachTagPublishedBeforeTheStory() {
        StorySummary current = story("current", 10, "AI", "Rust");
        RelatedSettings windowOfTwo = new RelatedSettings(3, false, 2);

        assertThat(window(current, windowOfTwo,
                story("ai-old", 40, "AI"), story("ai-mid", 30, "AI"), story("ai-new", 20, "AI"),
                story("ai-gone", 15, "AI").unpublished(), story("ai-later", 5, "AI"),
                story("rust-old", 50, "Rust"), story("both", 25, "AI", "Rust"), story("go", 12, "Go")))
                // AI: the two latest live before it; Rust: "both" and "rust-old". Each once, in publication order.
                .containsExactly("rust-old", "both", "ai-new");
    }

    @Test
    void withNewerStoriesTheWindowAlsoHoldsTheFirstOnesAfterTheStory() {
        StorySummary current = story("current", 10, "AI");
        RelatedSettings symmetric = new RelatedSettings(3, true, 1);

        assertThat(window(current, symmetric, story("before", 12, "AI"), story("long-before", 14, "AI"),
                story("after", 8, "AI"), story("long-after", 6, "AI")))
                .containsExactly("before", "after");
    }

    @Test
    void aStoryOutsideTheWindowIsNotChosenThoughItSharesMoreTags() {
        StorySummary current = story("current", 0, "AI", "OpenAI");
        RelatedSettings windowOfOne = new RelatedSettings(3, false, 1);
        StorySummary[] archive = {story("old-match", 30, "AI", "OpenAI"), story("ai-recent", 2, "AI"),
                story("openai-recent", 1, "OpenAI")};

        List<RelatedChoice> choices = RelatedStories.choose(current,
                RelatedStories.window(current, List.of(archive), windowOfOne).stream(), windowOfOne, VOCABULARY);

        assertThat(choices).extracting(choice -> choice.story().articleId())
                .containsExactly("openai-recent", "ai-recent");
        assertThat(chosen(current, RelatedSettings.DEFAULTS, archive))
                .containsExactly("old-match", "openai-recent", "ai-recent");
    }

    @Test
    void aStoryPublishedAtTheSameMomentWithAHigherIdIsLaterSoNotOffered() {
        StorySummary current = story("m", 1, "AI");

        assertThat(chosen(current, RelatedSettings.DEFAULTS, story("a", 1, "AI"), story("z", 1, "AI")))
                .containsExactly("a");
    }

    @Test
    void theRankingOfListingsCountsEachStoryOnceHoweverManyTagsListIt() {
        StorySummary current = story("current", 0, "AI", "Rust");
        Listing both = Listing.of(story("both", 3, "AI", "Rust"));
        Listing one = Listing.of(story("one", 1, "AI"));

        assertThat(RelatedStories.rank(current, Stream.of(both, one, both), RelatedSettings.DEFAULTS))
                .containsExactly(both, one);
    }
}
