package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.galley.events.ArticlePublished;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.trace.TraceParent;
import org.galley.runtime.trace.EventHeaders;
import org.galley.site.invalidation.Invalidation;
import org.galley.site.invalidation.InvalidationSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader driven one poll at a time over a MockConsumer: what it announces, when, and what it commits. */
class PublishedStreamReaderTest {

    private static final Topics TOPICS = Topics.create(new ServiceConfig(Map.of()), "mock://site-reader-test");
    private static final TopicPartition PUBLISHED = new TopicPartition(TOPICS.published().name(), 0);
    private static final TopicPartition REJECTED = new TopicPartition(TOPICS.rejected().name(), 0);
    private static final TopicPartition PREVIEWS = new TopicPartition(TOPICS.previews().name(), 0);
    private static final String PREVIEW = "/preview/" + PreviewsTest.TOKEN + "/";

    @TempDir
    Path out;

    private final Map<TopicPartition, OffsetAndMetadata> committedByAnEarlierRun = new HashMap<>();
    // MockConsumer forgets commits on assign(); a real group keeps them across runs, as this one does.
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(committedByAnEarlierRun);
            committed.keySet().retainAll(partitions);
            committed.putAll(super.committed(partitions));
            return committed;
        }
    };
    private final RecordingSink sink = new RecordingSink();
    private final AtomicLong nanos = new AtomicLong();
    private CountingFiles files;
    private SiteBuilder builder;
    private PublishedStreamReader reader;

    @BeforeEach
    void topics() {
        consumer.updatePartitions(PUBLISHED.topic(), List.of(new PartitionInfo(PUBLISHED.topic(), 0, null, null, null)));
        consumer.updatePartitions(REJECTED.topic(), List.of(new PartitionInfo(REJECTED.topic(), 0, null, null, null)));
        consumer.updatePartitions(PREVIEWS.topic(), List.of(new PartitionInfo(PREVIEWS.topic(), 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PUBLISHED, 0L, REJECTED, 0L, PREVIEWS, 0L));
        consumer.updateEndOffsets(Map.of(REJECTED, 0L, PREVIEWS, 0L));
        reader = reader(Duration.ZERO);
    }

    private PublishedStreamReader reader(Duration flushInterval) {
        return reader(flushInterval, record -> TOPICS.published().valueSerde().deserializer()
                .deserialize(record.topic(), record.value()));
    }

    private PublishedStreamReader reader(Duration flushInterval, PublishedStreamReader.RecordDecoder decoder) {
        files = new CountingFiles(out);
        builder = new SiteBuilder(files, SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        return new PublishedStreamReader(TOPICS, builder, sink, () -> consumer, flushInterval, nanos::get, decoder);
    }

    @Test
    void theReplayedHistoryIsNotAnnouncedButAStoryPublishedAfterItIsOnceItsFilesAreWritten() {
        List<ArticlePublished> history = List.of(story("a1").published(), story("a2").published());
        consumer.updateEndOffsets(Map.of(PUBLISHED, 2L));

        reader.open();
        add(0, history.get(0));
        add(1, history.get(1));
        reader.step(Duration.ZERO);

        assertThat(out.resolve("ai/a2/index.html")).exists();
        assertThat(sink.sent).isEmpty();

        add(2, story("a3").headline("The new one").published());
        reader.step(Duration.ZERO);

        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a3");
        assertThat(sink.pageExistedWhenSent).containsExactly(true);
        assertThat(sink.homeListedItWhenSent).containsExactly(true);
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).isEqualTo(3L);
    }

    @Test
    void theSiteLagCountsTheRecordsNotYetAppliedAndTheTimeApplyingEachIsMeasured() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        reader.bindMetrics(meters);
        consumer.updateEndOffsets(Map.of(PUBLISHED, 5L));

        reader.open();
        add(0, story("a1").published());
        add(1, story("a2").published());
        reader.step(Duration.ZERO);

        assertThat(meters.get("galley.site.lag.records").gauge().value()).isEqualTo(3);
        assertThat(meters.get("galley.processing").tags("stage", "site", "step", "apply").timer().count()).isEqualTo(2);

        add(2, story("a3").published());
        add(3, story("a4").published());
        add(4, story("a5").published());
        reader.step(Duration.ZERO);

        assertThat(meters.get("galley.site.lag.records").gauge().value()).isZero();
        assertThat(meters.get("galley.site.lag.seconds").gauge().value()).isZero();
    }

    @Test
    void aRestartAnnouncesEverythingSinceThePositionItLastCommitted() {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 3L));
        committedByAnEarlierRun.put(PUBLISHED, new OffsetAndMetadata(1L));

        reader.open();
        add(0, story("a1").published());
        add(1, story("a2").published());
        add(2, story("a2").revision(2).unpublished("2026-04-22T00:00:00Z"));
        reader.step(Duration.ZERO);

        assertThat(sink.sent).extracting(invalidation -> invalidation.getArticleId() + "@" + invalidation.getRevision())
                .containsExactly("a2@1", "a2@2");
    }

    @Test
    void invalidationsThatCouldNotBeSentAreSentAfterTheNextPollAndOnlyThenCommitted() {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        sink.failures = 1;

        add(0, story("a1").published());
        reader.step(Duration.ZERO);
        assertThat(sink.sent).isEmpty();
        assertThat(consumer.committed(Set.of(PUBLISHED))).doesNotContainKey(PUBLISHED);

        add(1, story("a2").published());
        reader.step(Duration.ZERO);
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1", "a2");
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).isEqualTo(2L);
    }

    @Test
    void anUnreadableEventIsSkippedAndTheNextOneStillPublished() throws IOException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        consumer.addRecord(new ConsumerRecord<>(PUBLISHED.topic(), 0, 0, "junk".getBytes(), new byte[] {0, 1, 2, 3}));
        add(1, story("a1").published());
        reader.step(Duration.ZERO);

        assertThat(out.resolve("ai/a1/index.html")).exists();
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(Files.readString(out.resolve(SiteBuilder.REJECTED_LOG)))
                .contains("\"articleId\":\"junk\"", "\"source\":\"site\"", "unreadable record " + PUBLISHED + "@0");
    }

    @Test
    void anEventTheSiteCannotApplyIsRecordedWithItsReasonAndSkippedAndTheNextOneIsApplied() throws IOException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        add(0, story("bad").path("/").published());
        add(1, story("a1").published());
        reader.step(Duration.ZERO);

        assertThat(Files.readString(out.resolve(SiteBuilder.REJECTED_LOG))).contains("\"articleId\":\"bad\"",
                "\"source\":\"site\"", "must be a folder below the site root", PUBLISHED + "@0");
        assertThat(Files.readString(out.resolve("index.html"))).contains("/ai/a1/");
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).as("not read again").isEqualTo(2L);
    }

    @Test
    void aHeadlineWithUFFFFReachesTheSiteAndSoDoTheStoriesAfterIt() throws IOException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        add(0, story("odd").headline("Odd \uFFFF headline").published());
        reader.step(Duration.ZERO);
        add(1, story("a1").headline("After it").published());
        reader.step(Duration.ZERO);

        assertThat(Files.readString(out.resolve("feed.xml"))).contains("Odd \uFFFD headline", "After it")
                .doesNotContain("\uFFFF");
        assertThat(out.resolve(SiteBuilder.REJECTED_LOG)).as("nothing skipped").content().isEmpty();
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("odd", "a1");
    }

    @Test
    void aRecordThatCannotBeReadYetIsReadAgainAfterAPauseAndNoListingIsWrittenWithoutIt() throws IOException {
        int[] registryDown = {2};
        reader = reader(Duration.ZERO, record -> {
            if (record.offset() == 1 && registryDown[0] > 0) {
                registryDown[0]--;
                throw new SerializationException("Error retrieving Avro schema",
                        new TimeoutException("registry unreachable"));
            }
            return TOPICS.published().valueSerde().deserializer().deserialize(record.topic(), record.value());
        });
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        add(0, story("a1").published());
        add(1, story("a2").published());
        add(2, story("a3").published());
        reader.step(Duration.ZERO);

        assertThat(consumer.position(PUBLISHED)).as("seeks back to the record it could not read").isEqualTo(1L);
        assertThat(out.resolve("ai/a1/index.html")).exists();
        assertThat(out.resolve("index.html")).as("no listing from a partial view").doesNotExist();
        assertThat(sink.sent).isEmpty();
        assertThat(out.resolve(SiteBuilder.REJECTED_LOG)).as("not recorded as failed").content().isEmpty();
        assertThat(reader.untilReadAgain()).isEqualTo(Duration.ofSeconds(1));

        // The broker still has them; MockConsumer forgets records once polled.
        add(1, story("a2").published());
        add(2, story("a3").published());
        nanos.set(Duration.ofMillis(999).toNanos());
        reader.step(Duration.ZERO);
        assertThat(out.resolve("ai/a2/index.html")).as("still pausing").doesNotExist();

        nanos.set(Duration.ofSeconds(1).toNanos());
        reader.step(Duration.ZERO);
        assertThat(reader.untilReadAgain()).as("the second pause is longer").isEqualTo(Duration.ofSeconds(2));
        reader.finish();
        assertThat(out.resolve("index.html")).as("not even when stopping").doesNotExist();

        add(1, story("a2").published());
        add(2, story("a3").published());
        nanos.set(Duration.ofSeconds(3).toNanos());
        reader.step(Duration.ZERO);

        assertThat(Files.readString(out.resolve("index.html"))).contains("/ai/a1/", "/ai/a2/", "/ai/a3/");
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1", "a2", "a3");
        assertThat(Files.readString(out.resolve(SiteBuilder.REJECTED_LOG))).isEmpty();
    }

    @Test
    void withAFlushIntervalTheEventsBetweenTwoWritesAreWrittenInOne() throws IOException {
        reader = reader(Duration.ofSeconds(1));
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        add(0, story("a1").published());
        add(1, story("a2").published());
        reader.step(Duration.ZERO);
        nanos.set(Duration.ofMillis(400).toNanos());
        add(2, story("a3").published());
        reader.step(Duration.ZERO);

        assertThat(out.resolve("ai/a3/index.html")).as("a story's page is written as it is applied").exists();
        assertThat(files.writes("index.html")).isZero();

        nanos.set(Duration.ofMillis(1000).toNanos());
        add(3, story("a4").published());
        reader.step(Duration.ZERO);

        assertThat(files.writes("index.html")).isEqualTo(1);
        assertThat(files.writes("ai/index.html")).isEqualTo(1);
        assertThat(files.writes("sitemap.xml")).isEqualTo(1);
        assertThat(Files.readString(out.resolve("index.html"))).contains("/ai/a1/", "/ai/a2/", "/ai/a3/", "/ai/a4/");
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1", "a2", "a3", "a4");
        assertThat(sink.homeListedItWhenSent).containsOnly(true);
    }

    @Test
    void afterASlowFlushTheNextWaitsFourTimesAsLongAsItTookWhileStoriesKeepComing() {
        slowFlushFromTwoToTwoAndAHalfSeconds();

        // Stories keep coming every 200 ms: the next flush is due 2 s after the slow one ended, at 4.5 s.
        long offset = 1;
        for (long millis = 3000; millis < 4500; millis += 200) {
            nanos.set(Duration.ofMillis(millis).toNanos());
            add(offset, story("b" + offset).published());
            offset++;
            reader.step(Duration.ZERO);
        }
        assertThat(files.writes("index.html")).as("1 s and more after the slow flush ended: not yet").isEqualTo(1);

        nanos.set(Duration.ofMillis(4500).toNanos());
        add(offset, story("b" + offset).published());
        reader.step(Duration.ZERO);
        assertThat(files.writes("index.html")).isEqualTo(2);
    }

    @Test
    void afterASlowFlushWhatIsWaitingIsWrittenOnceThePollsHaveReadNothingForAWhile() {
        slowFlushFromTwoToTwoAndAHalfSeconds();

        nanos.set(Duration.ofMillis(3600).toNanos());
        add(1, story("a2").published());
        reader.step(Duration.ZERO);
        nanos.set(Duration.ofMillis(3800).toNanos());
        reader.step(Duration.ZERO);
        assertThat(files.writes("index.html")).as("read 200 ms ago: more may come").isEqualTo(1);
        assertThat(reader.nextPoll()).as("due when nothing was read for 300 ms").isEqualTo(Duration.ofMillis(100));

        nanos.set(Duration.ofMillis(3900).toNanos());
        reader.step(Duration.ZERO);
        assertThat(files.writes("index.html")).as("the replay has ended: no need to wait until 4.5 s").isEqualTo(2);
    }

    /** Starts a {@link #slowReader()} whose first flush, of one story, runs from 2 s to 2.5 s. */
    private void slowFlushFromTwoToTwoAndAHalfSeconds() {
        reader = slowReader();
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        nanos.set(Duration.ofSeconds(2).toNanos());
        add(0, story("a1").published());
        reader.step(Duration.ZERO);
        assertThat(files.writes("index.html")).as("written at 2 s, done at 2.5 s").isEqualTo(1);
    }

    /** A reader with a 1 s flush interval whose every flush takes 500 ms (writing the home page): a busy replay's. */
    private PublishedStreamReader slowReader() {
        files = new CountingFiles(out);
        SiteFiles slowHome = new HookedFiles(files, path -> {
            if (path.equals("index.html")) {
                nanos.addAndGet(Duration.ofMillis(500).toNanos());
            }
        });
        builder = new SiteBuilder(slowHome, SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        return new PublishedStreamReader(TOPICS, builder, sink, () -> consumer, Duration.ofSeconds(1), nanos::get,
                record -> TOPICS.published().valueSerde().deserializer().deserialize(record.topic(), record.value()));
    }

    @Test
    void aStoryAfterAQuietIntervalIsWrittenByThePollThatReadIt() {
        reader = reader(Duration.ofSeconds(1));
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        nanos.set(Duration.ofSeconds(2).toNanos());
        reader.step(Duration.ZERO);
        assertThat(files.writes("index.html")).as("the empty site, once").isEqualTo(1);

        nanos.set(Duration.ofSeconds(10).toNanos());
        add(0, story("a1").published());
        reader.step(Duration.ZERO);

        assertThat(files.writes("index.html")).isEqualTo(2);
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(sink.homeListedItWhenSent).containsExactly(true);

        nanos.set(Duration.ofSeconds(20).toNanos());
        reader.step(Duration.ZERO);
        assertThat(files.writes("index.html")).as("nothing new, nothing written").isEqualTo(2);
    }

    @Test
    void aStoryWithinTheIntervalAfterAFlushWaitsForItsEndEvenWhenThePollsFindNothingMore() {
        reader = reader(Duration.ofSeconds(1));
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        nanos.set(Duration.ofSeconds(2).toNanos());
        reader.step(Duration.ZERO);
        assertThat(reader.nextPoll()).as("nothing waiting: a full poll").isEqualTo(Duration.ofMillis(200));

        nanos.set(Duration.ofMillis(2100).toNanos());
        add(0, story("a1").published());
        reader.step(Duration.ZERO);
        nanos.set(Duration.ofMillis(2900).toNanos());
        reader.step(Duration.ZERO);

        assertThat(files.writes("index.html")).isEqualTo(1);
        assertThat(sink.sent).isEmpty();
        assertThat(consumer.committed(Set.of(PUBLISHED))).doesNotContainKey(PUBLISHED);
        assertThat(reader.nextPoll()).as("the poll ends when the write is due").isEqualTo(Duration.ofMillis(100));

        nanos.set(Duration.ofMillis(3000).toNanos());
        reader.step(Duration.ZERO);

        assertThat(files.writes("index.html")).isEqualTo(2);
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).isEqualTo(1L);
    }

    @Test
    void nothingIsCommittedPastEventsWhoseListingsAreNotWrittenYet() {
        reader = reader(Duration.ofSeconds(1));
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        add(0, story("a1").published());
        nanos.set(Duration.ofSeconds(2).toNanos());
        reader.step(Duration.ZERO);
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).isEqualTo(1L);

        add(1, story("a2").published());
        reader.step(Duration.ZERO);

        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).isEqualTo(1L);
    }

    @Test
    void stoppingWritesAndAnnouncesWhatWasWaiting() throws IOException {
        reader = reader(Duration.ofHours(1));
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        add(0, story("a1").published());
        reader.step(Duration.ZERO);

        reader.finish();

        assertThat(Files.readString(out.resolve("index.html"))).contains("/ai/a1/");
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(consumer.committed(Set.of(PUBLISHED)).get(PUBLISHED).offset()).isEqualTo(1L);
    }

    @Test
    void anInvalidationNamesTheArchivePagesItsFlushWroteAndNoOthers() {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        for (int i = 0; i < SiteBuilder.PAGE_SIZE; i++) {
            add(i, story("s" + i).publishedAt("2026-04-01T00:00:00Z").published());
        }
        reader.step(Duration.ZERO);
        sink.sent.clear();

        add(SiteBuilder.PAGE_SIZE, story("newest").published());
        reader.step(Duration.ZERO);

        assertThat(sink.sent).singleElement().satisfies(invalidation -> assertThat(invalidation.getPaths())
                .containsSubsequence("/", "/page/1/", "/ai/", "/ai/page/1/", "/tags/ai/", "/tags/ai/page/1/"));
        sink.sent.clear();

        add(SiteBuilder.PAGE_SIZE + 1, story("later").published());
        reader.step(Duration.ZERO);

        assertThat(sink.sent).singleElement().satisfies(invalidation -> assertThat(invalidation.getPaths())
                .as("archive page 1 did not change").noneMatch(path -> path.contains("/page/")));
    }

    @Test
    void anInvalidationIsAnnouncedInThePublishedEventsTrace() {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        TraceParent trace = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        ArticlePublished event = story("a1").published();
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.putTrace(headers, trace);
        byte[] value = TOPICS.published().valueSerde().serializer().serialize(PUBLISHED.topic(), event);
        consumer.addRecord(new ConsumerRecord<>(PUBLISHED.topic(), 0, 0, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, 2, value.length, "a1".getBytes(), value, headers, Optional.empty()));

        reader.step(Duration.ZERO);

        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(sink.traces).containsExactly(trace);
    }

    @Test
    void theSiteCatchesUpOnlyOnceItHasReadToTheEndOffsetsSeenAtStartAndWrittenWhatItRead() {
        reader = reader(Duration.ofSeconds(1));
        consumer.updateEndOffsets(Map.of(PUBLISHED, 2L));
        reader.open();
        add(0, story("a1").published());
        reader.step(Duration.ZERO);
        assertThat(reader.caughtUp()).as("one of two read").isFalse();

        add(1, story("a2").published());
        add(2, story("a3").published());
        reader.step(Duration.ZERO);
        assertThat(reader.caughtUp()).as("read, but not written yet").isFalse();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        reader.step(Duration.ZERO);
        assertThat(reader.caughtUp()).isTrue();
        assertThat(out.resolve("ai/a2/index.html")).exists();
    }

    @Test
    void anEmptySiteCatchesUpAtItsFirstFlush() {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        reader.step(Duration.ZERO);

        assertThat(reader.caughtUp()).isTrue();
    }

    @Test
    void staleFilesOfStoriesRemovedWhileTheSiteWasDownArePrunedOnceItHasCaughtUpAndNotBefore() throws IOException {
        new SiteFolder(out).write("sport/removed/index.html", "a story unpublished while the site was down");
        consumer.updateEndOffsets(Map.of(PUBLISHED, 1L));
        reader.open();

        reader.step(Duration.ZERO);
        assertThat(out.resolve("sport/removed/index.html")).as("not caught up yet").exists();

        add(0, story("a1").published());
        reader.step(Duration.ZERO);

        assertThat(reader.caughtUp()).isTrue();
        assertThat(out.resolve("sport/removed/index.html")).doesNotExist();
        assertThat(out.resolve("ai/a1/index.html")).exists();
    }

    @Test
    void aPreviewIsWrittenAsItIsReadAndIsNeitherAnnouncedNorLoggedNorListed() throws IOException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        add(0, story("a1").published());
        addPreview(0, PREVIEW, PreviewsTest.PAGE);
        reader.step(Duration.ZERO);

        assertThat(Files.readString(out.resolve("preview/" + PreviewsTest.TOKEN + "/index.html"))).isEqualTo(PreviewsTest.PAGE);
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(sink.sent.get(0).getPaths()).noneMatch(path -> path.contains("preview"));
        for (String file : List.of("index.html", "feed.xml", "sitemap.xml", "news-sitemap.xml",
                SiteBuilder.PUBLISHED_LOG, SiteBuilder.REJECTED_LOG)) {
            assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain(PreviewsTest.TOKEN);
        }
    }

    @Test
    void theLatestPreviewWinsAndATombstoneRemovesIt() throws IOException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();
        addPreview(0, PREVIEW, "<p>first draft</p>");
        addPreview(1, PREVIEW, PreviewsTest.PAGE);
        reader.step(Duration.ZERO);
        assertThat(Files.readString(out.resolve("preview/" + PreviewsTest.TOKEN + "/index.html"))).isEqualTo(PreviewsTest.PAGE);

        addPreview(2, PREVIEW, null);
        reader.step(Duration.ZERO);

        assertThat(out.resolve("preview")).doesNotExist();
    }

    @Test
    void aPreviewWhosePathIsNotAPreviewsIsSkippedAndTheSiteGoesOn() throws IOException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        addPreview(0, "/preview/../../../etc/cron.d/aaaaaaaaaaaaaaaa/", "* * * * * root evil");
        addPreview(1, "/ai/first-story/", "<p>not a story page</p>");
        addPreview(2, null, "<p>no key</p>");
        addPreview(3, PREVIEW, PreviewsTest.PAGE);
        add(0, story("a1").published());
        reader.step(Duration.ZERO);

        assertThat(out.resolve("preview/" + PreviewsTest.TOKEN + "/index.html")).exists();
        assertThat(Files.readString(out.resolve("ai/a1/index.html"))).doesNotContain("not a story page");
        assertThat(out.resolve("ai/first-story")).doesNotExist();
        assertThat(out.getParent().resolve("etc")).doesNotExist();
        assertThat(Files.readString(out.resolve(SiteBuilder.REJECTED_LOG))).isEmpty();
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
        assertThat(reader.failure()).isEmpty();
    }

    @Test
    void theSiteCatchesUpOnlyOnceItHasReadThePreviewsAndThenPrunesThoseNoLongerOnTheTopic() throws IOException {
        String expired = "preview/" + "e".repeat(20) + "/index.html";
        new SiteFolder(out).write(expired, "a preview older than the topic's retention");
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L, PREVIEWS, 1L));
        reader.open();

        reader.step(Duration.ZERO);
        assertThat(reader.caughtUp()).as("the preview not read yet").isFalse();
        assertThat(out.resolve(expired)).exists();

        addPreview(0, PREVIEW, PreviewsTest.PAGE);
        reader.step(Duration.ZERO);

        assertThat(reader.caughtUp()).isTrue();
        assertThat(out.resolve(expired)).doesNotExist();
        assertThat(out.resolve("preview/" + PreviewsTest.TOKEN + "/index.html")).exists();
    }

    @Test
    void aReaderThatStopsOnAnErrorHasFailedForGoodAndIsNeitherLiveNorReady() throws InterruptedException {
        MockConsumer<byte[], byte[]> noTopics = new MockConsumer<>("earliest");
        PublishedStreamReader broken = new PublishedStreamReader(TOPICS, builder, sink, () -> noTopics, Duration.ZERO,
                nanos::get, record -> null);

        broken.start();
        try {
            assertThat(eventually(() -> broken.failure().isPresent())).isTrue();
            assertThat(broken.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("has no partitions"));
            assertThat(broken.isLive()).isFalse();
            assertThat(broken.isHealthy()).isFalse();
        } finally {
            broken.close();
        }
    }

    @Test
    void aReaderStuckInOneCallForLongerThanTheStallLimitIsNotLiveAndIsAgainOnceItMoves() throws InterruptedException {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        consumer.schedulePollTask(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        try {
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.isLive()).isTrue();

            nanos.addAndGet(PublishedStreamReader.STALL_LIMIT.plusSeconds(1).toNanos());
            assertThat(reader.isLive()).as("stuck in a poll").isFalse();
            assertThat(reader.failure()).as("wedged, not failed").isEmpty();

            release.countDown();
            assertThat(eventually(reader::isLive)).isTrue();
        } finally {
            release.countDown();
            reader.close();
        }
    }

    /** Waits up to 30 s for a condition another thread makes true. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void add(long offset, ArticlePublished event) {
        byte[] value = TOPICS.published().valueSerde().serializer().serialize(PUBLISHED.topic(), event);
        consumer.addRecord(new ConsumerRecord<>(PUBLISHED.topic(), 0, offset, event.getArticleId().getBytes(), value));
    }

    private void addPreview(long offset, String path, String html) {
        consumer.addRecord(new ConsumerRecord<>(PREVIEWS.topic(), 0, offset,
                path == null ? null : path.getBytes(StandardCharsets.UTF_8),
                html == null ? null : html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Keeps what it was sent, and what the folder held at that moment. */
    private final class RecordingSink implements InvalidationSink {
        final List<CacheInvalidation> sent = new ArrayList<>();
        final List<TraceParent> traces = new ArrayList<>();
        final List<Boolean> pageExistedWhenSent = new ArrayList<>();
        final List<Boolean> homeListedItWhenSent = new ArrayList<>();
        int failures;

        @Override
        public void send(List<Invalidation> invalidations) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("broker unavailable");
            }
            for (Invalidation announced : invalidations) {
                CacheInvalidation invalidation = announced.event();
                sent.add(invalidation);
                traces.add(announced.trace());
                pageExistedWhenSent.add(Files.exists(out.resolve(SitePaths.fileOf(invalidation.getPaths().get(0)))));
                homeListedItWhenSent.add(read(out.resolve("index.html")).contains("/" + invalidation.getArticleId() + "/"));
            }
        }

        @Override
        public void close() {
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
