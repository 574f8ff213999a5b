package org.galley.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.registry.serde.RegistryAvroSerde;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;

/**
 * Ingest's topology in a {@link TopologyTestDriver}, with the in-memory registry, every topic it touches and
 * its status store at hand.
 */
final class IngestDriver implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");

    final Topics topics;
    /** The stage's {@code galley_*} meters, from the topology and its exception handlers. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, ArticleSubmitted> submitted;
    final TestInputTopic<String, byte[]> rawSubmitted;
    final TestInputTopic<String, ArticleRejected> rejectedIn;
    final TestInputTopic<String, ArticlePublished> published;
    /** Dead letters as the stages' exception handlers write them: the failing input's key and bytes. */
    final TestInputTopic<String, byte[]> deadLetterIn;
    final TestOutputTopic<String, ArticleAccepted> accepted;
    final TestOutputTopic<String, ArticleRejected> rejected;
    final TestOutputTopic<byte[], byte[]> deadLetter;

    /**
     * @param overrides e.g. {@code KAFKA_PROCESSING_GUARANTEE=at_least_once}, under which the driver keeps the
     *                  dead letters it writes for unreadable records (under exactly-once it discards them)
     */
    IngestDriver(Path stateDir, String registryScope, Map<String, String> overrides) {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_STATE_DIR", stateDir.toString())).with(overrides);
        String registry = "mock://" + registryScope;
        topics = Topics.create(config, registry);
        Properties props = StreamsSettings.forService(IngestApp.APPLICATION_ID, config, topics);
        GalleyMetrics metrics = GalleyMetrics.in(meters);
        props.put(GalleyMetrics.CONFIG, metrics);
        driver = new TopologyTestDriver(IngestTopology.build(topics,
                RegistryAvroSerde.forValues(ArticleStatus.class, registry), IngestSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), metrics), props, NOW);
        submitted = driver.createInputTopic(topics.submitted().name(),
                topics.submitted().keySerde().serializer(), topics.submitted().valueSerde().serializer());
        rawSubmitted = driver.createInputTopic(topics.submitted().name(),
                new StringSerializer(), new ByteArraySerializer());
        rejectedIn = driver.createInputTopic(topics.rejected().name(),
                topics.rejected().keySerde().serializer(), topics.rejected().valueSerde().serializer());
        published = driver.createInputTopic(topics.published().name(),
                topics.published().keySerde().serializer(), topics.published().valueSerde().serializer());
        deadLetterIn = driver.createInputTopic(topics.deadLetter().name(), new StringSerializer(),
                new ByteArraySerializer());
        accepted = driver.createOutputTopic(topics.accepted().name(),
                topics.accepted().keySerde().deserializer(), topics.accepted().valueSerde().deserializer());
        rejected = driver.createOutputTopic(topics.rejected().name(),
                topics.rejected().keySerde().deserializer(), topics.rejected().valueSerde().deserializer());
        deadLetter = driver.createOutputTopic(topics.deadLetter().name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Moves the driver's wall clock, which ingest's scheduled releases follow, on by {@code duration}. */
    void advance(java.time.Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** The story's status in the status store, or null. */
    ArticleStatus status(String articleId) {
        KeyValueStore<String, ArticleStatus> store = driver.getKeyValueStore(IngestTopology.STATUS_STORE);
        return store.get(articleId);
    }

    /** A submission in the registry's wire format, as a Kafka producer would write it. */
    byte[] serialized(ArticleSubmitted submission) {
        return topics.submitted().valueSerde().serializer().serialize(topics.submitted().name(), submission);
    }

    /** An enriched story in the registry's wire format, as render reads it. */
    byte[] serialized(ArticleEnriched enriched) {
        return topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), enriched);
    }

    @Override
    public void close() {
        driver.close();
    }
}
