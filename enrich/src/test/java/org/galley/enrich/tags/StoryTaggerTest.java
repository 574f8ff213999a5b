package org.galley.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.galley.enrich.SampleStories;
import org.galley.enrich.text.ReadableText;
import org.galley.events.ArticleSubmitted;
import org.junit.jupiter.api.Test;

class StoryTaggerTest {

    private static final Vocabulary VOCABULARY = VocabularyFile.bundled();
    private final StoryTagger tagger = new StoryTagger(VOCABULARY, 8);

    private List<String> names(String headline, String dek, String body, String... editorTags) {
        return tagger.tag(new TaggableStory(headline, dek, body, List.of(editorTags), Locale.ENGLISH)).stream()
                .map(StoryTag::name).toList();
    }

    private List<String> bodyTags(String body) {
        return names("", "", body);
    }

    @Test
    void anAliasAndTheFullNameAreOneTag() {
        assertThat(bodyTags("AWS grew. Amazon Web Services is the cloud arm. AWS again."))
                .containsExactly("Amazon Web Services");
    }

    @Test
    void theLongestNameWinsWhereNamesOverlap() {
        assertThat(bodyTags("Amazon Web Services hosts it.")).doesNotContain("Amazon");
        assertThat(bodyTags("Microsoft Azure hosts it.")).containsExactly("Azure");
    }

    @Test
    void anEditorsTagIsFiledUnderTheVocabularyTermItNames() {
        assertThat(tagger.tag(new TaggableStory("", "", "", List.of(" aws ", "Kafka", "Local  News"), Locale.ENGLISH)))
                .containsExactly(new StoryTag("Amazon Web Services", "amazon-web-services"),
                        new StoryTag("Apache Kafka", "apache-kafka"),
                        new StoryTag("Local News", "local-news"));
    }

    @Test
    void goTheLanguageIsATagAndGoTheVerbIsNot() {
        assertThat(bodyTags("The service is written in Go and compiles to one binary.")).containsExactly("Go");
        assertThat(bodyTags("Teams moved their services to Golang last year.")).containsExactly("Go");
        assertThat(bodyTags("Readers go elsewhere when pages are slow. We will go on.")).isEmpty();
        assertThat(bodyTags("Go ahead and read the rest of the story.")).isEmpty();
        assertThat(names("Why Startups Go Public Early", "", "")).isEmpty();
    }

    @Test
    void shortAmbiguousNamesMustMatchTheirCase() {
        assertThat(bodyTags("Ai Weiwei opened a show; the rust on the bridge was left as art.")).isEmpty();
        assertThat(bodyTags("AI is everywhere. Rust is a programming language with a strict compiler."))
                .containsExactly("AI", "Rust");
    }

    @Test
    void everydayWordsAreNeverTags() {
        assertThat(bodyTags("We go to the open market to source the security of our java and python pets."))
                .isEmpty();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(bodyTags("Googleplex, Microsoftie and OpenAIs are not names here; Javanese neither.")).isEmpty();
        assertThat(bodyTags("Open-source tools and open source licences.")).containsExactly("Open Source");
    }

    @Test
    void editorTagsComeFirstThenFoundOnesByWeight() {
        List<String> tags = names("Microsoft Moves", "Google reacts", "Anthropic Anthropic Anthropic.", "Security");
        // Headline 3, dek 2, each body mention 1: Anthropic (3) ties Microsoft (3) but is named later.
        assertThat(tags).containsExactly("Security", "Microsoft", "Anthropic", "Google");
    }

    @Test
    void neitherEditorNorFoundTagsRepeat() {
        assertThat(names("OpenAI news", "", "OpenAI and openai.", "OpenAI", "openai")).containsExactly("OpenAI");
    }

    @Test
    void foundTagsStopAtTheCapButTheEditorsAreKept() {
        StoryTagger two = new StoryTagger(VOCABULARY, 2);
        List<StoryTag> tags = two.tag(new TaggableStory("", "", "Microsoft, Google and Amazon.", List.of("AI"), Locale.ENGLISH));
        assertThat(tags).extracting(StoryTag::name).containsExactly("AI", "Microsoft");
        List<StoryTag> editors = two.tag(new TaggableStory("", "", "Microsoft.", List.of("A", "B", "C"), Locale.ENGLISH));
        assertThat(editors).extracting(StoryTag::name).containsExactly("A", "B", "C");
    }

    @Test
    void theStackDigestStoryIsTaggedWithItsSubjects() {
        ArticleSubmitted story = SampleStories.submission(SampleStories.MICROSOFT_OPENAI, "msft", 1);
        List<StoryTag> tags = tagger.tag(new TaggableStory(story.getHeadline(), story.getDek(),
                ReadableText.of(story.getBodyMarkdown()).text(), story.getTags(), Locale.ENGLISH));
        // The editor's AI, then by weight: OpenAI is named a little more often than Microsoft. Google and Oracle are
        // named once, in passing, three quarters of the way down ("Amazon, Google, Oracle, and others"): no tags.
        assertThat(tags).extracting(StoryTag::name).containsExactly(
                "AI", "OpenAI", "Microsoft", "Azure", "Amazon", "Cloud Computing", "Amazon Web Services");
    }

    @Test
    void theClaudeStoryIsTaggedClaudeAndAnthropic() {
        ArticleSubmitted story = SampleStories.submission(SampleStories.CLAUDE, "claude", 1);
        List<StoryTag> tags = tagger.tag(new TaggableStory(story.getHeadline(), story.getDek(),
                ReadableText.of(story.getBodyMarkdown()).text(), story.getTags(), Locale.ENGLISH));
        assertThat(tags).extracting(StoryTag::name).startsWith("AI", "Anthropic", "Claude");
    }

    private static final String FILLER = "The rest of the story goes on about other things at length. ".repeat(20);

    @Test
    void aNameOnceUpFrontIsATagButOnceInPassingDeepInTheStoryIsNot() {
        assertThat(bodyTags("The database is written in Rust. " + FILLER + "A client for Python is planned."))
                .contains("Rust").doesNotContain("Python");
        assertThat(bodyTags(FILLER + "Python here. " + FILLER + "Python again.")).contains("Python");
    }

    @Test
    void aCommonWordAliasNeedsMoreThanOneMentionWhereANameNeedsOne() {
        assertThat(bodyTags("A new database query runs inside a loop. " + FILLER)).doesNotContain("Databases");
        assertThat(bodyTags("The database grew. The database shrank. " + FILLER)).contains("Databases");
        assertThat(names("A Faster Database", "", FILLER)).contains("Databases");
    }

    @Test
    void keyphrasesTheVocabularyLacksComeAfterItsTags() {
        List<String> tags = names("Kestrel Adds Tiered Storage", "The Kestrel database moves cold data to object storage.",
                "Kestrel is written in Rust. Kestrel keeps recent data on disk. Kestrel users asked for it.");
        assertThat(tags).containsExactly("Databases", "Rust", "Kestrel");
    }

    @Test
    void aKeyphraseThatIsAVocabularyNameOrHoldsATagIsNotAddedAgain() {
        List<String> tags = names("OpenAI Models Everywhere", "", """
                OpenAI models run on Azure. Customers of OpenAI models pay less. OpenAI models, again.""");
        assertThat(tags).containsExactly("OpenAI", "Azure");
    }

    @Test
    void thePublicationsOwnNameIsNeverFoundButAnEditorMayStillUseIt() {
        String body = "Readers of Stack Digest asked. Later Fernbrook answered. Then Stack Digest asked again, and Fernbrook replied.";
        assertThat(bodyTags(body)).containsExactly("Fernbrook");
        assertThat(names("", "", body, "Stack Digest")).containsExactly("Stack Digest", "Fernbrook");
    }

    @Test
    void onlyEnglishStoriesGetKeyphrasesSinceOnlyEnglishStopWordsShip() {
        String body = "We asked Fernbrook. Later Fernbrook answered, and then Fernbrook left.";
        assertThat(tagger.tag(new TaggableStory("", "", body, List.of(), Locale.GERMAN))).isEmpty();
        assertThat(tagger.tag(new TaggableStory("", "", body, List.of(), Locale.ENGLISH)))
                .containsExactly(new StoryTag("Fernbrook", "fernbrook"));
    }

    @Test
    void latinNamesAndCjkAliasesMatchInsideChineseAndJapaneseText() {
        assertThat(tagger.tag(new TaggableStory("", "", "マイクロソフトはAI技術に投資した。", List.of(), Locale.JAPANESE)))
                .extracting(StoryTag::name).containsExactly("Microsoft", "AI");
        assertThat(bodyTags("Ai Weiwei; a mAIl; AIs")).isEmpty();
    }

    @Test
    void keyphrasesStopAtTheirOwnLimitAndAtTheCap() {
        String body = """
                Alder Mills met Brook Farms. Alder Mills and Brook Farms met Cedar Hall. Cedar Hall met Dune Works.                 Dune Works met Elm Yard. Elm Yard met Alder Mills, Brook Farms, Cedar Hall and Dune Works.""";
        assertThat(bodyTags(body)).hasSize(StoryTagger.MAX_KEYPHRASES);
        assertThat(new StoryTagger(VOCABULARY, 2).tag(new TaggableStory("", "", body, List.of(), Locale.ENGLISH)))
                .hasSize(2);
    }

    @Test
    void aNameFollowedByAVersionNumberIsTheProductWhateverTheSentence() {
        assertThat(bodyTags("Everyone should update to Rust 1.58.1 as soon as possible.")).containsExactly("Rust");
        assertThat(names("Go 1.22 is released!", "", "")).containsExactly("Go");
        assertThat(bodyTags("Kubernetes v1.31 is out.")).containsExactly("Kubernetes");
        // Without a version, or with a plain count, the context rule still decides.
        assertThat(bodyTags("Go 2 miles north.")).isEmpty();
        assertThat(VocabularyMatcher.isVersioned("Rust 1.58.1, today", 4)).isTrue();
        assertThat(VocabularyMatcher.isVersioned("Go 15 years", 2)).isFalse();
    }

    @Test
    void aContextWordCountsOnlyAsAWholeWordInTheSameSentence() {
        assertThat(bodyTags("Go ahead with the runtime.")).containsExactly("Go");
        // Inside a longer word ("runtimes_x", "preruntime"), or in another sentence, it says nothing.
        assertThat(bodyTags("Go ahead with runtime_x and preruntime.")).isEmpty();
        assertThat(bodyTags("Go ahead. The runtime is fine.")).isEmpty();
    }

    @Test
    void aMatchIsWholeWhenNoLetterNumberOrUnderscoreRunsOnOutsideCjk() {
        assertThat(VocabularyMatcher.isWhole("a Rust b", 2, 6, 0, 8)).isTrue();
        assertThat(VocabularyMatcher.isWhole("_Rust", 1, 5, 0, 5)).isFalse();
        assertThat(VocabularyMatcher.isWhole("Rust2", 0, 4, 0, 5)).isFalse();
        assertThat(VocabularyMatcher.isWhole("Rust\u00b2", 0, 4, 0, 5)).isFalse();
        assertThat(VocabularyMatcher.isWhole("\u00e9Rust", 1, 5, 0, 5)).isFalse();
        assertThat(VocabularyMatcher.isWhole("技Rust术", 1, 5, 0, 6)).isTrue();
        // A supplementary letter before it (Gothic 𐌰) runs on; the bounds given stop the look.
        assertThat(VocabularyMatcher.isWhole("\uD800\uDF30Rust", 2, 6, 0, 6)).isFalse();
        assertThat(VocabularyMatcher.isWhole("xRustx", 1, 5, 1, 5)).isTrue();
    }

    @Test
    void theMainSubjectIsTaggedByItsPlainNameWhenOnlyACompoundOfItWasFound() {
        // No sentence says "language" or "compiler", so "Rust" alone needs no context to count only via the name it leads.
        List<String> tags = bodyTags("""
                The Rust Standard Library did not escape arguments. Patches to the Rust Standard Library are out, \
                and the Rust Standard Library team thanks the reporter. Upgrade soon.""");
        assertThat(tags).contains("Rust");
    }

    @Test
    void onlyANameThatLeadsTheKeyphraseNamesItsTerm() {
        assertThat(tagger.leadingTerm(new Keyphrase("Rust Standard Library", List.of("rust", "standard", "library"), 0, 3, true, false)))
                .extracting(Vocabulary.Term::name).isEqualTo("Rust");
        assertThat(tagger.leadingTerm(new Keyphrase("Trusty Rust", List.of("trusty", "rust"), 0, 3, true, false))).isNull();
        assertThat(tagger.leadingTerm(new Keyphrase("Rustaceans Unite", List.of("rustacean", "unite"), 0, 3, true, false))).isNull();
        assertThat(tagger.leadingTerm(new Keyphrase("Rust Standard Library", List.of("rust", "standard", "library"), 0, 3, false, false))).isNull();
    }

    @Test
    void noTagComesFromCodeHtmlImagesUrlsOrShouting() {
        String markdown = """
                **UPDATE**: the fix shipped. Set `cacheType` before you call `LazyLock`.

                ```go
                cacheType := NewCacheType(cacheType)
                LazyLock LazyLock LazyLock
                ```

                <img alt="Wordcloud" src="wordcloud.png"/> <a href="chart.svg">SVG</a> <a href="chart.png">PNG</a>

                ![Wordcloud of answers](wordcloud.png) [PNG](chart.png) [SVG](chart.svg) [PNG](chart2.png) [SVG](chart2.svg)

                See https://example.com/Wordcloud and **UPDATE** again, **UPDATE** once more, <https://example.com/PNG>.
                """;
        assertThat(tagger.tag(new TaggableStory("", "", org.galley.enrich.text.TaggableText.of(markdown), List.of(), Locale.ENGLISH)))
                .extracting(StoryTag::name)
                .doesNotContain("UPDATE", "PNG", "SVG", "Wordcloud", "cacheType", "LazyLock", "Update");
    }
}
