package org.galley.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.galley.enrich.SampleStories;
import org.galley.enrich.text.ReadableText;
import org.galley.events.ArticleSubmitted;
import org.junit.jupiter.api.Test;

class VocabularyTaggerTest {

    private static final Vocabulary VOCABULARY = VocabularyFile.bundled();
    private final VocabularyTagger tagger = new VocabularyTagger(VOCABULARY, 8);

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
        VocabularyTagger two = new VocabularyTagger(VOCABULARY, 2);
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
        // The editor's AI, then by weight: OpenAI is named a little more often than Microsoft.
        assertThat(tags).extracting(StoryTag::name).containsExactly(
                "AI", "OpenAI", "Microsoft", "Azure", "Amazon", "Amazon Web Services", "Google");
    }

    @Test
    void theClaudeStoryIsTaggedClaudeAndAnthropic() {
        ArticleSubmitted story = SampleStories.submission(SampleStories.CLAUDE, "claude", 1);
        List<StoryTag> tags = tagger.tag(new TaggableStory(story.getHeadline(), story.getDek(),
                ReadableText.of(story.getBodyMarkdown()).text(), story.getTags(), Locale.ENGLISH));
        assertThat(tags).extracting(StoryTag::name).startsWith("AI", "Anthropic", "Claude");
    }
}
