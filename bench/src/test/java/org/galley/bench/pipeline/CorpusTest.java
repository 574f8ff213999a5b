package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.galley.enrich.text.Slugs;
import org.galley.enrich.text.WordCount;
import org.galley.events.ArticleSubmitted;
import org.galley.ingest.validation.SubmissionValidator;
import org.galley.ingest.validation.ValidationLimits;
import org.junit.jupiter.api.Test;

class CorpusTest {

    private static final Corpus CORPUS = Corpus.load(Corpus.SAMPLE_FOLDERS, 2_000, 7);

    @Test
    void readsEverySampleStoryFileFromTheSamplesAndEnrichsTestArticles() {
        assertThat(CORPUS.samples()).isEqualTo(9);
    }

    @Test
    void aStoryIsTheSameWhateverElseIsAskedForAndAnotherSeedMakesAnotherOne() {
        assertThat(Corpus.load(Corpus.SAMPLE_FOLDERS, 2_000, 7).story(1234)).isEqualTo(CORPUS.stories(1230, 10).get(4));
        assertThat(Corpus.load(Corpus.SAMPLE_FOLDERS, 2_000, 8).story(1234).getBodyMarkdown())
                .isNotEqualTo(CORPUS.story(1234).getBodyMarkdown());
    }

    @Test
    void everyCopyHasItsOwnIdHeadlineAndSlugAndGoesThroughTheSamplesInTurn() {
        List<ArticleSubmitted> stories = CORPUS.stories(0, 500);
        Set<String> ids = new HashSet<>();
        Set<String> headlines = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (ArticleSubmitted story : stories) {
            ids.add(story.getArticleId());
            headlines.add(story.getHeadline());
            slugs.add(Slugs.storySlug(story.getHeadline(), story.getArticleId()));
        }
        assertThat(ids).hasSize(500);
        assertThat(headlines).hasSize(500);
        assertThat(slugs).hasSize(500);
        assertThat(stories.get(9).getHeadline()).endsWith(" (#9)");
        assertThat(stories.get(9).getCategory()).isEqualTo(stories.get(0).getCategory());
        assertThat(stories.get(9).getTags()).isEqualTo(stories.get(0).getTags());
        assertThat(stories.get(10).getArticleId()).isEqualTo(stories.get(1).getArticleId().replaceAll("-1$", "-10"));
    }

    @Test
    void bodiesRunFromFiveHundredToAboutThirtySixHundredWordsAndDatesSpreadOverTheYears() {
        List<ArticleSubmitted> stories = CORPUS.stories(0, 2_000);
        int[] words = stories.stream().mapToInt(story -> WordCount.of(story.getBodyMarkdown()).total()).sorted().toArray();
        assertThat(words[0]).isGreaterThanOrEqualTo(Corpus.MIN_WORDS);
        assertThat(words[words.length - 1]).isBetween(3_000, Corpus.MAX_WORDS + 400);
        assertThat(words[words.length / 2]).isBetween(1_500, 2_600);
        List<Integer> years = stories.stream().map(story -> story.getPublishedAt().toString().substring(0, 4))
                .map(Integer::valueOf).distinct().sorted().toList();
        assertThat(years).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(stories).allSatisfy(story -> assertThat(story.getPublishedAt()).isBefore(Instant.parse("2026-11-02T00:00:00Z")));
    }

    @Test
    void laterStoriesArePublishedLaterAsInAnArchiveAndInLiveNews() {
        List<ArticleSubmitted> stories = CORPUS.stories(0, 2_000);

        for (int n = 1; n < stories.size(); n++) {
            assertThat(stories.get(n).getPublishedAt()).isAfter(stories.get(n - 1).getPublishedAt());
        }
    }

    @Test
    void thereAreOnlyAsManyStoriesAsTheCorpusHolds() {
        assertThatThrownBy(() -> CORPUS.story(2_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyStoryIsOneIngestWouldAccept() {
        SubmissionValidator validator = new SubmissionValidator(ValidationLimits.defaults());

        assertThat(CORPUS.stories(0, 200)).allSatisfy(story -> assertThat(validator.validate(story)).isEmpty());
    }

    @Test
    void theMedianStoryAsSubmittedIsSomeKilobytesOfAvroBehindTheFiveByteHeader() {
        int median = Corpus.medianWireSize(CORPUS.stories(0, 500));

        assertThat(median).isBetween(8 * 1024, 20 * 1024);
    }

    @Test
    void aLongHeadlineIsCutAtAWordSoTheNumberSurvivesInTheSlug() {
        assertThat(Corpus.shorten("Critical Flaw in the Quillmark Markdown Parser Lets Crafted Documents Run Code", 60))
                .isEqualTo("Critical Flaw in the Quillmark Markdown Parser Lets Crafted");
        assertThat(Corpus.shorten("Short one", 60)).isEqualTo("Short one");
        assertThat(Corpus.shorten("Interview: Fernbrook Labs' Amara Okafor on Why AI Code", 12)).isEqualTo("Interview");
    }
}
