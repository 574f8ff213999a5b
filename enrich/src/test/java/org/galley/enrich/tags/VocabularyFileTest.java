package org.galley.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyFileTest {

    @Test
    void theBundledVocabularyHasTheNewsroomsSubjects() {
        Vocabulary vocabulary = VocabularyFile.bundled();
        assertThat(vocabulary.terms()).extracting(Vocabulary.Term::name).contains(
                "AI", "Microsoft", "OpenAI", "Azure", "Amazon Web Services", "Amazon", "Google", "Anthropic",
                "Claude", "Apache Kafka", "Publishing", "Security", "Open Source", "Go", "Rust", "Java", "Python");
        assertThat(vocabulary.termFor("AWS")).map(Vocabulary.Term::name).contains("Amazon Web Services");
        assertThat(vocabulary.termFor("artificial intelligence")).map(Vocabulary.Term::name).contains("AI");
        assertThat(vocabulary.broaderOf("claude")).contains("anthropic");
    }

    @Test
    void readsNamesAliasesRulesAndBroaderTerms() {
        Vocabulary vocabulary = VocabularyFile.parse("""
                terms:
                  - name: Kubernetes
                    aliases: [K8s, {text: kube, caseSensitive: true, context: [cluster]}]
                  - name: Helm
                    caseSensitive: true
                    broader: Kubernetes
                """, "test.yaml");
        Vocabulary.Term kubernetes = vocabulary.terms().get(0);
        assertThat(kubernetes.aliases()).containsExactly(
                new Vocabulary.Alias("Kubernetes", false, List.of()),
                new Vocabulary.Alias("K8s", false, List.of()),
                new Vocabulary.Alias("kube", true, List.of("cluster")));
        assertThat(vocabulary.terms().get(1).broader()).isEqualTo("Kubernetes");
    }

    @Test
    void aNewsroomExtendsTheVocabularyWithItsOwnFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("newsroom.yaml");
        Files.writeString(file, "terms:\n  - name: Elections\n    aliases: [ballot, polling station]\n");
        StoryTagger tagger = new StoryTagger(VocabularyFile.read(file), 8);
        assertThat(tagger.tag(new TaggableStory("", "", "Queues at the polling station. Every ballot counted.", List.of(), Locale.ENGLISH)))
                .containsExactly(new StoryTag("Elections", "elections"));
    }

    @Test
    void refusesAliasesThatAreEverydayWords() {
        assertThatThrownBy(() -> VocabularyFile.parse("terms:\n  - name: Information Technology\n    aliases: [IT]\n", "v.yaml"))
                .hasMessageContaining("v.yaml")
                .hasMessageContaining("'IT'")
                .hasMessageContaining("common English word");
        assertThat(VocabularyFile.parse("terms:\n  - name: Information Technology\n    aliases: [{text: IT, caseSensitive: true}]\n", "v.yaml")
                .terms()).hasSize(1);
    }

    @Test
    void refusesUnknownKeysSoATypoIsNotIgnored() {
        assertThatThrownBy(() -> VocabularyFile.parse("terms:\n  - name: Go\n    caseSensitve: true\n", "v.yaml"))
                .hasMessageContaining("v.yaml: term 1")
                .hasMessageContaining("unknown key 'caseSensitve'");
    }

    @Test
    void refusesABroaderTermThatIsNotThere() {
        assertThatThrownBy(() -> VocabularyFile.parse("terms:\n  - name: Claude\n    broader: Anthropic\n", "v.yaml"))
                .hasMessageContaining("broader term 'Anthropic'");
    }

    @Test
    void refusesTwoTermsWithOneSlug() {
        assertThatThrownBy(() -> VocabularyFile.parse("terms:\n  - name: Open Source\n  - name: open-source\n", "v.yaml"))
                .hasMessageContaining("same slug 'open-source'");
    }

    @Test
    void refusesAFileThatIsNotAVocabulary() {
        assertThatThrownBy(() -> VocabularyFile.parse("- just\n- a list\n", "v.yaml")).hasMessageContaining("'terms'");
        assertThatThrownBy(() -> VocabularyFile.parse("terms: [", "v.yaml")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> VocabularyFile.parse("terms:\n  - aliases: [x]\n", "v.yaml")).hasMessageContaining("'name' is required");
    }

    @Test
    void readsTheNamesToIgnoreAndRefusesUnknownTopLevelKeys() {
        Vocabulary vocabulary = VocabularyFile.parse("terms:\n  - name: Elections\nignore: [Stack Digest, '  Reuters ']\n", "v.yaml");
        assertThat(vocabulary.ignored()).containsExactly("Stack Digest", "Reuters");
        assertThat(VocabularyFile.bundled().ignored()).contains("Stack Digest");
        assertThatThrownBy(() -> VocabularyFile.parse("terms: []\nignored: [x]\n", "v.yaml"))
                .hasMessageContaining("v.yaml").hasMessageContaining("unknown key 'ignored'");
    }

    @Test
    void theBundledVocabularyFoldsAliasesInOtherScriptsAndCasesIntoOneTerm() {
        Vocabulary vocabulary = VocabularyFile.bundled();
        assertThat(vocabulary.termFor("マイクロソフト")).map(Vocabulary.Term::name).contains("Microsoft");
        assertThat(vocabulary.termFor("人工知能")).map(Vocabulary.Term::name).contains("AI");
        assertThat(vocabulary.termFor("postgres")).map(Vocabulary.Term::name).contains("PostgreSQL");
        assertThat(vocabulary.broaderOf("github")).contains("microsoft");
    }
}
