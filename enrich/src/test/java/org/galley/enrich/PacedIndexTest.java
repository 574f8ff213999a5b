package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.enrich.story.StoryEnricher;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Headline;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.TraceParent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story-index step as it runs in production: drafts gathered for 20 ms, relinks sent every 500 ms. */
class PacedIndexTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final IndexPacing PACING = new IndexPacing(Duration.ofMillis(20), Duration.ofMillis(500));
    private static final IndexPacing ARCHIVE_PACING = new IndexPacing(Duration.ofMillis(20), Duration.ofMillis(500),
            Duration.ofSeconds(2), Duration.ofMinutes(10));

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleAccepted> accepted;
    private TestOutputTopic<String, ArticleEnriched> enriched;
    /** The index step's own input: drafts as the draft step sends them, each naming its source partition and offset. */
    private TestInputTopic<String, ArticleEnriched> drafts;
    /** Where each input partition ends, as the index step is told. */
    private final AtomicReference<InputEnds.Snapshot> ends = new AtomicReference<>(InputEnds.Snapshot.UNKNOWN);

    @BeforeEach
    void startDriver() {
        start(PACING);
    }

    private void restartWith(IndexPacing pacing) {
        driver.close();
        start(pacing);
    }

    private void start(IndexPacing pacing) {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_STATE_DIR", stateDir.toString()));
        Topics topics = Topics.create(config, "mock://paced-index-test");
        driver = new TopologyTestDriver(
                EnrichTopology.build(topics, EnrichSettings.defaults(), pacing, ends::get, Clock.fixed(NOW, ZoneOffset.UTC)),
                StreamsSettings.forService(EnrichApp.APPLICATION_ID, config, topics), NOW);
        accepted = driver.createInputTopic(topics.accepted().name(),
                topics.accepted().keySerde().serializer(), topics.accepted().valueSerde().serializer());
        drafts = driver.createInputTopic(EnrichApp.APPLICATION_ID + "-story-index-repartition",
                Serdes.String().serializer(), topics.enriched().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(),
                topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void submit(String articleId, String file, String publishedOn) {
        ArticleSubmitted story = SampleStories.submission(file, articleId, 1);
        story.setPublishedAt(Instant.parse(publishedOn + "T08:00:00Z"));
        accepted.pipeInput(articleId, new ArticleAccepted(story, NOW, null));
    }

    /** A draft as the draft step sends it from {@code offset} of {@code partition} of the accepted topic. */
    private void draft(String articleId, String file, String publishedOn, int partition, long offset) {
        ArticleSubmitted story = SampleStories.submission(file, articleId, 1);
        story.setPublishedAt(Instant.parse(publishedOn + "T08:00:00Z"));
        EnrichSettings settings = EnrichSettings.defaults();
        ArticleEnriched draft = new StoryEnricher(settings.reading(), settings.tagger(), settings.site(),
                Clock.fixed(NOW, ZoneOffset.UTC)).draft(new ArticleAccepted(story, NOW, null));
        Headers headers = new RecordHeaders();
        headers.add(DraftProcessor.SOURCE_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(DraftProcessor.SOURCE_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        drafts.pipeInput(new TestRecord<>(EnrichTopology.INDEX_KEY, draft, headers));
    }

    private List<String> sent() {
        return enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    private static List<String> ticker(ArticleEnriched story) {
        return story.getTicker().stream().map(Headline::getArticleId).toList();
    }

    @Test
    void draftsThatArriveTogetherAreIndexedInPublicationOrderSoNoneIsSentTwice() {
        submit("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        submit("middle", SampleStories.KAFKA, "2026-04-24");
        submit("oldest", SampleStories.CLAUDE, "2026-04-21");
        assertThat(enriched.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(20));
        List<KeyValue<String, ArticleEnriched>> out = enriched.readKeyValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(out).extracting(kv -> kv.key).containsExactly("oldest", "middle", "newest");
        assertThat(ticker(out.get(2).value)).containsExactly("newest", "middle", "oldest");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void draftsThatWaitedAreSentEachInItsOwnTrace() {
        TraceParent newest = submitTraced("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        TraceParent oldest = submitTraced("oldest", SampleStories.CLAUDE, "2026-04-21");
        assertThat(enriched.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(20));

        Map<String, String> traceOfStory = new HashMap<>();
        enriched.readRecordsToList().forEach(record -> traceOfStory.putIfAbsent(record.key(),
                EventHeaders.trace(record.headers()).orElseThrow().traceId()));
        assertThat(traceOfStory).containsEntry("newest", newest.traceId()).containsEntry("oldest", oldest.traceId());
    }

    private TraceParent submitTraced(String articleId, String file, String publishedOn) {
        ArticleSubmitted story = SampleStories.submission(file, articleId, 1);
        story.setPublishedAt(Instant.parse(publishedOn + "T08:00:00Z"));
        TraceParent trace = TraceParent.start();
        Headers headers = new RecordHeaders();
        EventHeaders.putTrace(headers, trace);
        accepted.pipeInput(new TestRecord<>(articleId, new ArticleAccepted(story, NOW, null), headers));
        return trace;
    }

    @Test
    void aPunctuationPastItsBudgetLeavesTheRestForTheNextStillInPublicationOrder() {
        restartWith(PACING.withIndexBudget(Duration.ZERO));
        submit("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        submit("middle", SampleStories.KAFKA, "2026-04-24");
        submit("oldest", SampleStories.CLAUDE, "2026-04-21");

        driver.advanceWallClockTime(Duration.ofMillis(20));
        List<String> first = enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        driver.advanceWallClockTime(Duration.ofMillis(20));
        List<String> second = enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        driver.advanceWallClockTime(Duration.ofMillis(20));
        List<KeyValue<String, ArticleEnriched>> third = enriched.readKeyValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(first).as("one story, however small the budget").containsExactly("oldest");
        assertThat(second).containsExactly("middle");
        assertThat(third).extracting(kv -> kv.key).containsExactly("newest");
        assertThat(ticker(third.get(0).value)).containsExactly("newest", "middle", "oldest");
        assertThat(enriched.isEmpty()).as("nothing sent twice").isTrue();
    }

    @Test
    void aStoryWhoseLinksChangeSeveralTimesIsSentAgainOnceWithTheLatestLinks() {
        submit("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        submit("middle", SampleStories.KAFKA, "2026-04-24");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        submit("oldest", SampleStories.CLAUDE, "2026-04-21");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("newest", "middle", "oldest");

        driver.advanceWallClockTime(Duration.ofMillis(500));

        List<KeyValue<String, ArticleEnriched>> again = enriched.readKeyValuesToList();
        assertThat(again).extracting(kv -> kv.key).containsExactlyInAnyOrder("newest", "middle");
        assertThat(again).filteredOn(kv -> kv.key.equals("newest")).singleElement()
                .satisfies(kv -> assertThat(ticker(kv.value)).containsExactly("newest", "middle", "oldest"));
    }

    @Test
    void archiveStoriesWaitLongerAndGoOutInPublicationOrderWithEverythingPublishedBeforeThem() {
        restartWith(new IndexPacing(Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofMinutes(10)));
        submit("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        driver.advanceWallClockTime(Duration.ofMillis(1000));
        submit("oldest", SampleStories.CLAUDE, "2026-04-21");
        driver.advanceWallClockTime(Duration.ofMillis(900));
        assertThat(enriched.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<KeyValue<String, ArticleEnriched>> out = enriched.readKeyValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(out).extracting(kv -> kv.key).containsExactly("oldest", "newest");
        assertThat(ticker(out.get(1).value)).containsExactly("newest", "oldest");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anArchiveStoryWaitsForEveryPartitionWithStoriesOnTheirWayToPassItSoNoneIsSentTwice() {
        restartWith(ARCHIVE_PACING);
        ends.set(new InputEnds.Snapshot(Map.of(0, 10L, 1, 10L), Set.of()));
        draft("a", SampleStories.KAFKA, "2026-04-20", 1, 0);
        draft("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28", 0, 0);
        driver.advanceWallClockTime(Duration.ofMillis(20));
        assertThat(sent()).as("partition 1 has reached only 20 April").containsExactly("a");

        draft("oldest", SampleStories.CLAUDE, "2026-04-21", 1, 1);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(sent()).as("however long partition 1 takes").containsExactly("oldest");

        draft("later", SampleStories.KAFKA, "2026-04-29", 1, 2);
        driver.advanceWallClockTime(Duration.ofMillis(20));
        assertThat(sent()).as("partition 0 has reached only 28 April").containsExactly("newest");

        ends.set(new InputEnds.Snapshot(Map.of(0, 2L, 1, 10L), Set.of()));
        driver.advanceWallClockTime(Duration.ofMillis(20));
        List<KeyValue<String, ArticleEnriched>> last = enriched.readKeyValuesToList();
        assertThat(last).extracting(kv -> kv.key).as("partition 0 has nothing more").containsExactly("later");
        assertThat(ticker(last.get(0).value)).containsExactly("later", "newest", "oldest", "a");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(enriched.isEmpty()).as("all in publication order, so none sent again").isTrue();
    }

    @Test
    void aPartitionThatHasNotSentYetHoldsTheArchiveBackAtMostTheCap() {
        restartWith(ARCHIVE_PACING);
        ends.set(new InputEnds.Snapshot(Map.of(0, 10L, 1, 10L), Set.of()));
        draft("a", SampleStories.KAFKA, "2026-04-20", 0, 0);

        driver.advanceWallClockTime(WaitingDrafts.ARCHIVE_CAP.minusMillis(20));
        assertThat(enriched.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(20));
        assertThat(sent()).containsExactly("a");
    }

    @Test
    void breakingNewsIsNotHeldLikeTheArchive() {
        restartWith(new IndexPacing(Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofMinutes(10)));
        ArticleSubmitted story = SampleStories.submission(SampleStories.CLAUDE, "breaking", 1);
        story.setPublishedAt(NOW.minusSeconds(5));
        accepted.pipeInput("breaking", new ArticleAccepted(story, NOW, null));

        driver.advanceWallClockTime(Duration.ofMillis(20));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("breaking");
    }

    @Test
    void aStorysOwnCorrectionReplacesItsPendingResend() {
        submit("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        submit("oldest", SampleStories.CLAUDE, "2026-04-21");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        ArticleSubmitted correction = SampleStories.submission(SampleStories.MICROSOFT_OPENAI, "newest", 2);
        correction.setPublishedAt(Instant.parse("2026-04-28T08:00:00Z"));
        accepted.pipeInput("newest", new ArticleAccepted(correction, NOW, null));
        driver.advanceWallClockTime(Duration.ofMillis(20));

        driver.advanceWallClockTime(Duration.ofMillis(500));

        List<KeyValue<String, ArticleEnriched>> out = enriched.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key + "@" + kv.value.getSubmission().getRevision())
                .containsExactly("newest@1", "oldest@1", "newest@2");
        assertThat(ticker(out.get(2).value)).containsExactly("newest", "oldest");
    }

    @Test
    void aRelinkReplacedBeforeItIsSentLeavesItsNumberUnsentSoResendsOnlyGrow() {
        submit("newest", SampleStories.MICROSOFT_OPENAI, "2026-04-28");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        submit("middle", SampleStories.KAFKA, "2026-04-24");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        submit("oldest", SampleStories.CLAUDE, "2026-04-21");
        driver.advanceWallClockTime(Duration.ofMillis(20));
        List<KeyValue<String, ArticleEnriched>> own = enriched.readKeyValuesToList();

        driver.advanceWallClockTime(Duration.ofMillis(500));
        List<KeyValue<String, ArticleEnriched>> again = enriched.readKeyValuesToList();

        assertThat(own).extracting(kv -> kv.value.getResend()).containsOnly(0);
        // "newest" was relinked by "middle" (1), then by "oldest" (2) before the first was sent.
        assertThat(again).extracting(kv -> kv.key + " " + kv.value.getResend())
                .containsExactlyInAnyOrder("newest 2", "middle 1");
    }
}
