package org.galley.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class KeyphrasesTest {

    private final Keyphrases keyphrases = new Keyphrases(StopWords.english());

    private List<String> tagWorthy(String headline, String dek, String body) {
        return keyphrases.tagWorthy(new TaggableStory(headline, dek, body, List.of(), Locale.ENGLISH)).stream()
                .map(Keyphrase::display).toList();
    }

    private List<String> candidates(String body) {
        return keyphrases.candidates(new TaggableStory("", "", body, List.of(), Locale.ENGLISH)).stream()
                .map(Keyphrase::display).toList();
    }

    @Test
    void aNameTheStoryRepeatsIsFoundAsWritten() {
        assertThat(tagWorthy("Kestrel 3.0 Is Out", "", """
                The maintainers of Kestrel, a time-series database, released a new version. Users of Kestrel can \
                upgrade now, and the new release of Kestrel reads older files.""")).containsExactly("Kestrel");
        assertThat(tagWorthy("", "", "The team moved to PostgreSQL last year. Since then PostgreSQL has held up."))
                .containsExactly("PostgreSQL");
    }

    @Test
    void aNameUsedOnceIsNotATag() {
        assertThat(tagWorthy("", "", "The company also talked to Harland Mills about the plan. The plan failed."))
                .isEmpty();
    }

    @Test
    void aCommonWordAloneIsNeverATagHoweverOftenItIsUsed() {
        assertThat(tagWorthy("The Company Said It Would Grow", "The company said so.", """
                The company said the company would grow. A company spokesperson said the company was confident. \
                Said the company: growth."""))
                .doesNotContain("Company", "Said", "Growth");
    }

    @Test
    void phrasesNeitherStartNorEndWithAStopWordAndHoldNoNumbersOrPunctuation() {
        List<String> found = candidates("""
                The latest reporting shows the end of exclusivity. In 2026, 2032 and 2030 the cap holds; \
                revenue share, revenue share, revenue share. CVE-2026-31337 was fixed in 4.2.3.""");
        assertThat(found).allSatisfy(phrase -> {
            assertThat(phrase.split(" ")[0]).isNotIn("The", "Of", "In", "And", "Latest");
            assertThat(phrase).doesNotMatch(".*\\b\\d+\\b.*").doesNotContain(",", ";", ":");
        });
        assertThat(found).contains("Revenue Share").doesNotContain("The Latest Reporting", "Latest Reporting",
                "CVE-2026-31337", "2026");
    }

    @Test
    void aCommonPhraseMustBeRepeatedOrUpFront() {
        String body = "Revenue share is the issue. The revenue share ends soon. Nobody likes a revenue share.";
        assertThat(tagWorthy("", "", body)).containsExactly("Revenue Share");
        assertThat(tagWorthy("", "", "Revenue share is the issue. The revenue share ends soon.")).isEmpty();
        assertThat(tagWorthy("", "The revenue share ends.", "Revenue share is the issue.")).containsExactly("Revenue Share");
    }

    @Test
    void capitalsOpeningASentenceOrATitleCasedHeadingDoNotMakeAName() {
        String body = """
                ## A New Query Planner

                Planner work took a year. The query planner now estimates rows. Planner output is cached.

                ## Why Query Planning Matters

                Planning is hard.""";
        assertThat(keyphrases.candidates(new TaggableStory("", "", body, List.of(), Locale.ENGLISH)))
                .filteredOn(Keyphrase::name).isEmpty();
    }

    @Test
    void aSurnameAfterTheFullNameCountsForTheFullName() {
        assertThat(tagWorthy("", "", """
                Fernbrook was founded by Amara Okafor in 2023. Okafor spent a decade as an engineer. \
                Today Okafor runs the company, and Fernbrook has grown."""))
                .containsExactly("Amara Okafor", "Fernbrook");
    }

    @Test
    void aPhraseAlwaysWrittenInsideALongerOneIsAFragmentNotATag() {
        List<String> found = tagWorthy("Northport City Lose", "", """
                Northport City lost again. Fans of Northport City were quiet. Northport City play on Saturday.""");
        assertThat(found).containsExactly("Northport City");
    }

    @Test
    void pluralsAndSingularsAreOnePhraseShownAsMostOftenWritten() {
        assertThat(tagWorthy("", "", """
                Cloud providers compete. Each cloud provider wants workloads. Other cloud providers follow."""))
                .containsExactly("Cloud Providers");
    }

    @Test
    void acronymsAreNames() {
        assertThat(tagWorthy("", "", "The NTSB opened an inquiry. Investigators from the NTSB arrived on Monday."))
                .containsExactly("NTSB");
    }

    @Test
    void aWordOnlyEverCapitalisedInsideLongerNamesIsNotATag() {
        // "Team" is capitalised only in "Core Team", "Release Team" and "Infra Team"; "State" only in "State of Rust".
        assertThat(tagWorthy("", "", """
                The Core Team met. Later the Release Team and the Infra Team joined the Core Team. The team agreed. \
                The State of Rust report came out. Readers of the State of Rust report wrote to the Release Team."""))
                .doesNotContain("Team", "State");
    }

    @Test
    void aWordCapitalisedOnItsOwnIsStillAName() {
        assertThat(tagWorthy("", "", """
                Cranelift is a code generator. The Cranelift Team maintains it, and Cranelift now has a new \
                register allocator."""))
                .contains("Cranelift");
    }

    @Test
    void aPhraseOfGenericWordsOnlyIsNotATag() {
        assertThat(tagWorthy("", "", """
                The API changed. Every API key must be rotated. The Steering Committee met and the Committee \
                Members voted. Committee Members serve two years. The API key rotation is mandatory. The Steering \
                Committee thanks the Committee Members."""))
                .contains("Steering Committee")
                .doesNotContain("API", "Committee Members");
        assertThat(Keyphrases.isGeneric(new Keyphrase("Committee Members", List.of("committee", "member"), 0, 2, true, false),
                StopWords.genericEnglish())).isTrue();
        assertThat(Keyphrases.isGeneric(new Keyphrase("API Keys", List.of("api", "key"), 0, 2, true, false),
                StopWords.genericEnglish())).isFalse();
    }
}
