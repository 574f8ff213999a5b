package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.galley.events.ArticlePublished;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.Topics;
import org.galley.site.invalidation.InvalidationSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader driven one poll at a time over a MockConsumer: what it announces, when, and what it commits. */
class PublishedStreamReaderTest {

    private static final Topics TOPICS = Topics.create(new ServiceConfig(Map.of()), "mock://site-reader-test");
    private static final TopicPartition PUBLISHED = new TopicPartition(TOPICS.published().name(), 0);
    private static final TopicPartition REJECTED = new TopicPartition(TOPICS.rejected().name(), 0);

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
    private PublishedStreamReader reader;

    @BeforeEach
    void topics() {
        consumer.updatePartitions(PUBLISHED.topic(), List.of(new PartitionInfo(PUBLISHED.topic(), 0, null, null, null)));
        consumer.updatePartitions(REJECTED.topic(), List.of(new PartitionInfo(REJECTED.topic(), 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PUBLISHED, 0L, REJECTED, 0L));
        consumer.updateEndOffsets(Map.of(REJECTED, 0L));
        SiteBuilder builder = new SiteBuilder(new SiteFolder(out), SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        reader = new PublishedStreamReader(TOPICS, builder, sink, () -> consumer);
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
    void anUnreadableEventIsSkippedAndTheNextOneStillPublished() {
        consumer.updateEndOffsets(Map.of(PUBLISHED, 0L));
        reader.open();

        consumer.addRecord(new ConsumerRecord<>(PUBLISHED.topic(), 0, 0, "junk".getBytes(), new byte[] {0, 1, 2, 3}));
        add(1, story("a1").published());
        reader.step(Duration.ZERO);

        assertThat(out.resolve("ai/a1/index.html")).exists();
        assertThat(sink.sent).extracting(CacheInvalidation::getArticleId).containsExactly("a1");
    }

    private void add(long offset, ArticlePublished event) {
        byte[] value = TOPICS.published().valueSerde().serializer().serialize(PUBLISHED.topic(), event);
        consumer.addRecord(new ConsumerRecord<>(PUBLISHED.topic(), 0, offset, event.getArticleId().getBytes(), value));
    }

    /** Keeps what it was sent, and what the folder held at that moment. */
    private final class RecordingSink implements InvalidationSink {
        final List<CacheInvalidation> sent = new ArrayList<>();
        final List<Boolean> pageExistedWhenSent = new ArrayList<>();
        final List<Boolean> homeListedItWhenSent = new ArrayList<>();
        int failures;

        @Override
        public void send(List<CacheInvalidation> invalidations) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("broker unavailable");
            }
            for (CacheInvalidation invalidation : invalidations) {
                sent.add(invalidation);
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
