package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.galley.enrich.related.Position;
import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.related.RelatedStories;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.related.Ticker;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.tags.VocabularyFile;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.Headline;
import org.galley.events.RelatedStory;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index step's promise: every story's last event (slug, path, related stories, ticker) is the same whatever
 * order the stories arrive in, and is what the definitions ({@link RelatedStories#window}, {@link Ticker#latest})
 * give for the final set of stories. Thirty stories over three weeks, several at one moment, with overlapping tags,
 * one correction that changes a headline and tags, and one takedown, are filed in shuffled orders (each story's
 * own revisions staying in order, as they do on a partition). Windows are small so their edges are crossed often.
 */
class StoryIndexerConvergenceTest {

    private static final Vocabulary VOCABULARY = VocabularyFile.bundled();
    private static final SiteSettings SITE = SiteSettings.stackDigest();
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[] TAGS = {"AI", "Rust", "Security", "Open Source", "Football", "Climate"};
    private static final List<List<ArticleEnriched>> STORIES = stories();

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(new RelatedSettings(3, false, 3)),
                Arguments.of(new RelatedSettings(2, true, 2)),
                Arguments.of(RelatedSettings.DEFAULTS));
    }

    /** Each story's revisions in order: one correction (s07) and one takedown (s13). */
    private static List<List<ArticleEnriched>> stories() {
        Random random = new Random(30);
        List<List<ArticleEnriched>> stories = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            String id = String.format("s%02d", n);
            // Every fifth story shares a moment with another, so ties are settled by id.
            Instant at = START.plusSeconds(86_400L * (n % 5 == 0 ? 7 : random.nextInt(21)));
            String[] tags = random.ints(1 + random.nextInt(3), 0, TAGS.length).distinct()
                    .mapToObj(i -> TAGS[i]).toArray(String[]::new);
            List<ArticleEnriched> revisions = new ArrayList<>();
            revisions.add(Drafts.publish(id, 1, "Story " + id + " on " + String.join(" and ", tags), at, tags));
            if (n == 7) {
                revisions.add(Drafts.publish(id, 2, "Story s07 corrected", at.plusSeconds(3_600), "Climate", "AI"));
            }
            if (n == 13) {
                revisions.add(Drafts.takedown(id, 2, at.plusSeconds(7_200)));
            }
            stories.add(revisions);
        }
        return stories;
    }

    /** All revisions in a random order that keeps each story's own revisions in order. */
    private static List<ArticleEnriched> shuffled(long seed) {
        Random random = new Random(seed);
        List<List<ArticleEnriched>> pending = new ArrayList<>();
        STORIES.forEach(revisions -> pending.add(new ArrayList<>(revisions)));
        List<ArticleEnriched> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            int pick = random.nextInt(pending.size());
            order.add(pending.get(pick).remove(0));
            if (pending.get(pick).isEmpty()) {
                pending.remove(pick);
            }
        }
        return order;
    }

    private record Run(Map<String, ArticleEnriched> last, int relinked, InMemoryStoryIndex index,
                       List<ArticleEnriched> sent) {
    }

    private static Run file(List<ArticleEnriched> drafts, RelatedSettings settings) {
        StoryIndexer indexer = new StoryIndexer(SITE, settings, VOCABULARY);
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        Map<String, ArticleEnriched> last = new TreeMap<>();
        List<ArticleEnriched> sent = new ArrayList<>();
        int relinked = 0;
        for (ArticleEnriched draft : drafts) {
            StoryIndexer.Indexed indexed = indexer.index(draft, index);
            relinked += indexed.relinked().size();
            indexed.all().forEach(event -> last.put(event.getSubmission().getArticleId(), event));
            sent.addAll(indexed.all());
        }
        return new Run(last, relinked, index, sent);
    }

    private static List<String> shown(ArticleEnriched event) {
        List<String> shown = new ArrayList<>();
        shown.add("r" + event.getSubmission().getRevision() + " " + event.getSubmission().getAction() + " "
                + event.getPath());
        event.getRelated().forEach(related -> shown.add("related " + related.getArticleId() + " as "
                + related.getLabel() + ": " + related.getHeadline()));
        event.getTicker().forEach(headline -> shown.add("ticker " + headline.getArticleId() + ": "
                + headline.getHeadline()));
        return shown;
    }

    private static Map<String, List<String>> shown(Run run) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        run.last().forEach((id, event) -> shown.put(id, shown(event)));
        return shown;
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everyStorysLastEventIsTheSameWhateverTheOrderOfArrival(RelatedSettings settings) {
        Run inOrder = file(STORIES.stream().flatMap(List::stream).toList(), settings);

        int relinked = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Run run = file(shuffled(seed), settings);
            relinked += run.relinked();
            assertThat(shown(run)).as("order %d", seed).isEqualTo(shown(inOrder));
            // All but the re-send number, which counts the sends this order of arrival caused.
            assertThat(run.last()).as("order %d", seed).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*resend").isEqualTo(inOrder.last());
        }

        assertThat(inOrder.last()).hasSize(30);
        assertThat(inOrder.last().get("s13").getSubmission().getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(inOrder.last().get("s07").getSubmission().getHeadline()).isEqualTo("Story s07 corrected");
        assertThat(relinked).as("late stories were linked from the ones filed before them").isPositive();
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everyStorysLastEventCarriesTheLinksTheDefinitionsGive(RelatedSettings settings) {
        Run run = file(shuffled(42), settings);
        List<StorySummary> all = run.index().stories().toList();

        for (StorySummary story : all) {
            ArticleEnriched event = run.last().get(story.articleId());
            if (!story.published()) {
                assertThat(event.getRelated()).isEmpty();
                assertThat(event.getTicker()).isEmpty();
                continue;
            }
            List<String> related = RelatedStories.choose(story, RelatedStories.window(story, all, settings).stream(),
                    settings, VOCABULARY).stream()
                    .map(choice -> choice.story().articleId() + " as " + choice.label())
                    .toList();
            List<String> ticker = Ticker.latest(story, all).stream().map(StorySummary::articleId).toList();

            assertThat(event.getRelated()).extracting(link -> link.getArticleId() + " as " + link.getLabel())
                    .as("related of %s", story.articleId()).isEqualTo(related);
            assertThat(event.getTicker()).extracting(Headline::getArticleId)
                    .as("ticker of %s", story.articleId()).isEqualTo(ticker);
        }
        assertThat(run.last().values()).flatExtracting(ArticleEnriched::getRelated)
                .extracting(RelatedStory::getArticleId).isNotEmpty().doesNotContain("s13");
    }

    @ParameterizedTest
    @MethodSource("settings")
    void eachSendOfARevisionIsNumberedZeroThenOneMoreEachTimeWhateverTheOrderOfArrival(RelatedSettings settings) {
        for (long order = 1; order <= 8; order++) {
            long seed = order;
            Map<String, List<Integer>> numbers = new TreeMap<>();
            for (ArticleEnriched event : file(shuffled(seed), settings).sent()) {
                numbers.computeIfAbsent(event.getSubmission().getArticleId() + " r" + event.getSubmission().getRevision(),
                        send -> new ArrayList<>()).add(event.getResend());
            }

            assertThat(numbers).as("order %d", seed).hasSize(32).allSatisfy((send, resends) ->
                    assertThat(resends).as("%s in order %d", send, seed)
                            .isEqualTo(IntStream.range(0, resends.size()).boxed().toList()));
            assertThat(numbers.values()).as("order %d", seed).anySatisfy(resends -> assertThat(resends).hasSizeGreaterThan(1));
        }
    }

    /** Settings under which a story links only to earlier ones, so nothing filed later can change its page. */
    static Stream<Arguments> earlierOnly() {
        return settings().filter(arguments -> !((RelatedSettings) arguments.get()[0]).includeNewer());
    }

    @ParameterizedTest
    @MethodSource("earlierOnly")
    void storiesArrivingInPublicationOrderAreEachSentOnce(RelatedSettings settings) {
        List<ArticleEnriched> firstRevisions = STORIES.stream().map(revisions -> revisions.get(0))
                .sorted(Comparator.comparing(draft -> new Position(draft.getFirstPublishedAt(),
                        draft.getSubmission().getArticleId())))
                .toList();

        assertThat(file(firstRevisions, settings).relinked()).isZero();
    }
}
