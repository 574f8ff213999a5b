package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.enrich.Articles;
import org.galley.enrich.EnrichSettings;
import org.galley.enrich.tags.StopWords;
import org.galley.enrich.text.Slugs;
import org.galley.events.ArticleEnriched;
import org.galley.events.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real articles of every kind, enriched with the default settings, come out with tags a reader would expect. */
class CorpusEnrichmentTest {

    private static final EnrichSettings SETTINGS = EnrichSettings.defaults();
    private final StoryEnricher enricher = new StoryEnricher(SETTINGS.reading(), SETTINGS.tagger(), SETTINGS.site(),
            Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));

    private ArticleEnriched enrich(String file) {
        return enricher.draft(Articles.accepted(file));
    }

    private List<String> tags(String file) {
        return enrich(file).getTags().stream().map(Tag::getName).toList();
    }

    @Test
    void aReleaseNoteIsTaggedWithTheProductItsFieldAndWhatItWorksWith() {
        assertThat(tags(Articles.RELEASE_NOTE))
                .contains("Kestrel", "Databases", "Open Source", "PostgreSQL", "Rust", "Tiered Storage")
                // Named once each, in passing, near the end: "a native client for Python", "binaries for Linux".
                .doesNotContain("Python", "Linux", "Kubernetes", "GitHub", "Release", "Query");
    }

    @Test
    void anInterviewIsTaggedWithTheIntervieweeAndHerOrganisationButNotThePublication() {
        assertThat(tags(Articles.INTERVIEW))
                .containsExactly("AI", "Amara Okafor", "Fernbrook Labs")
                .doesNotContain("Stack Digest", "Okafor", "Fernbrook", "Databases", "Security");
    }

    @Test
    void aSecurityAdvisoryIsTaggedSecurityAndTheLibraryButNotItsCveNumber() {
        assertThat(tags(Articles.SECURITY_ADVISORY))
                .contains("Security", "Quillmark", "Java")
                .noneMatch(tag -> tag.startsWith("CVE") || tag.matches(".*\\d.*"));
    }

    @Test
    void aLongEssayIsTaggedWithItsSubjectAndTheTermItCoins() {
        ArticleEnriched essay = enrich(Articles.ESSAY);
        assertThat(essay.getWordCount()).isGreaterThan(2000);
        assertThat(essay.getReadingTimeMinutes()).isEqualTo(10);
        assertThat(essay.getTags()).extracting(Tag::getName)
                .startsWith("Local News")
                .contains("Journalism", "Advertising", "News Deserts", "Carrow Valley Ledger")
                .doesNotContain("Local", "News", "Town", "Paper", "Newspaper", "Deserts");
    }

    @Test
    void aSportsReportIsTaggedWithTheSportTheClubsTheCompetitionAndTheMatchWinner() {
        assertThat(tags(Articles.SPORT))
                .containsExactly("Football", "Northport City", "Coastal Cup", "Riverside Rovers", "Tomas Lindqvist")
                .doesNotContain("Riverside", "Northport", "Lindqvist", "Tomas", "Minutes", "Wednesday");
    }

    @Test
    void aJapaneseBriefIsTaggedFromTheVocabularyAndReadByCharacter() {
        ArticleEnriched brief = enrich(Articles.JAPANESE);
        assertThat(brief.getTags()).extracting(Tag::getName).containsExactly("OpenAI", "Microsoft", "AI", "Amazon", "Google");
        // 4 Latin words ("OpenAI" three times, "AI" once) and 180 CJK characters, read at 500 a minute.
        assertThat(brief.getWordCount()).isEqualTo(4 + 180);
        assertThat(brief.getReadingTimeMinutes()).isEqualTo(1);
        assertThat(brief.getExcerpt()).isEqualTo("クラウドの独占は終わるが、両社の関係は続く。");
        assertThat(brief.getSlug()).isEqualTo("cjk-openai-japan");
    }

    @ParameterizedTest
    @ValueSource(strings = {Articles.RELEASE_NOTE, Articles.INTERVIEW, Articles.SECURITY_ADVISORY, Articles.ESSAY,
            Articles.SPORT, Articles.JAPANESE})
    void noArticleGetsAStopWordAFragmentOrMoreThanTheCap(String file) {
        List<Tag> tags = enrich(file).getTags();
        assertThat(tags).hasSizeBetween(3, 8);
        assertThat(tags).extracting(Tag::getSlug).doesNotHaveDuplicates();
        for (Tag tag : tags) {
            assertThat(tag.getSlug()).isEqualTo(Slugs.tagSlug(tag.getName()));
            String[] words = tag.getName().split(" ");
            assertThat(StopWords.english().contains(words[0])).as(tag.getName()).isFalse();
            assertThat(StopWords.english().contains(words[words.length - 1])).as(tag.getName()).isFalse();
            assertThat(tag.getName()).as(tag.getName()).doesNotMatch(".*[,.;:!?()\"].*");
        }
    }
}
