package org.galley.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.galley.runtime.errors.DeadLetters;
import org.galley.runtime.errors.GalleyDeserializationExceptionHandler;
import org.galley.runtime.errors.GalleyProcessingExceptionHandler;
import org.galley.runtime.errors.GalleyProductionExceptionHandler;

/**
 * The Kafka Streams settings every Galley stage runs with: exactly-once (v2), and Galley's exception handlers
 * ({@link org.galley.runtime.errors}), which send a record that can never be read, processed or written to the
 * dead-letter topic and go on, and retry one that failed only because the registry or broker was unavailable; so
 * one bad event never stops a stage, and an outage never loses one. Then the latency and throughput tuning below,
 * each setting with its reason (docs/performance.md has the measurements).
 *
 * <p>The tuning can be overridden with a {@code KAFKA_*} variable; the guarantees cannot, unless ops opt out
 * ({@link KafkaOverrides}).
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /**
     * The settings for the stage {@code applicationId}; the stage's name in dead letters ({@code galley-stage}) is
     * the application id without its {@code galley-} prefix. Refuses a {@code KAFKA_*} variable that would weaken
     * a guarantee ({@link KafkaOverrides}).
     */
    public static Properties forService(String applicationId, ServiceConfig config, Topics topics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(DeadLetters.STAGE_CONFIG, stageOf(applicationId));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get("GALLEY_STATE_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "galley-state").toString()));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, GalleyDeserializationExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, GalleyProcessingExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, GalleyProductionExceptionHandler.class);
        // Kafka 5 will make this the default; opting in now keeps global stores under the same handler.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetter().name());
        // Internal topics (repartition, changelog) and outputs must take a whole page, like Galley's own topics.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), config.maxMessageBytes());
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(config.maxMessageBytes()));
        tuneForLatency(props);
        return KafkaOverrides.apply(props, config, guarantees(topics.deadLetter().name()));
    }

    /**
     * What no {@code KAFKA_*} variable may change: the settings above, the handlers also under their deprecated
     * names (which Streams still reads), and the client settings exactly-once rests on, which Streams sets itself
     * (a variable asking otherwise is refused rather than silently ignored or failing deep inside Streams).
     */
    static Map<String, Object> guarantees(String deadLetterTopic) {
        return Map.ofEntries(
                Map.entry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2),
                Map.entry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, GalleyDeserializationExceptionHandler.class),
                Map.entry("default.deserialization.exception.handler", GalleyDeserializationExceptionHandler.class),
                Map.entry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, GalleyProcessingExceptionHandler.class),
                Map.entry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, GalleyProductionExceptionHandler.class),
                Map.entry("default.production.exception.handler", GalleyProductionExceptionHandler.class),
                Map.entry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true"),
                Map.entry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"));
    }

    static String stageOf(String applicationId) {
        return applicationId.startsWith("galley-") ? applicationId.substring("galley-".length()) : applicationId;
    }

    /**
     * Under exactly-once a record is visible to the next stage only once the transaction that wrote it commits,
     * and a stage commits every {@code commit.interval.ms}. A story crosses four such hops (ingest, enrich's draft
     * and index steps, render), so the interval, not the work, sets the latency: Kafka's exactly-once default of
     * 100 ms costs about 200 ms on average and 400 ms at worst. The other settings keep a replay's big records
     * flowing in few requests and within a small heap.
     */
    static void tuneForLatency(Properties props) {
        // Client settings are set without the producer./consumer. prefix, so that a KAFKA_LINGER_MS (or a prefixed
        // KAFKA_PRODUCER_LINGER_MS) from ops still wins: Streams lets a prefixed key beat a plain one.
        // 20 ms per hop: a story waits ~10 ms on average at each of the four. A commit is two round trips to the
        // transaction coordinator; at 50 per second per thread that is a few percent of one core, and under load
        // each commit carries many records, so throughput holds.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
        // A stream thread commits only between polls, and a thread with nothing new to read waits in poll for up to
        // poll.ms (100 by default): the last story of a burst, or a lone breaking story, sat that long uncommitted at
        // each hop. 10 ms keeps the commit (and a stage's wall-clock punctuations) on time, for a wake-up per 10 ms.
        props.put(StreamsConfig.POLL_MS_CONFIG, 10L);
        // Streams lingers 100 ms by default; a transaction's records are flushed at its commit anyway, so lingering
        // only delays sending and makes commits slower. 5 ms still gathers a replay's records into batches.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Stories are 5-50 KiB; the 16 KiB default batch holds at most one, so every record was its own request.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Markdown and HTML compress 3-5x with lz4 at little CPU: fewer bytes for the broker to write, replicate,
        // keep forever (retention is unlimited) and send to every consumer.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Bounds the records a task buffers per input partition: 1,000 (the default) of 20 KiB stories on a few
        // partitions is tens of MB of heap for no gain, since a task processes far fewer between polls.
        props.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 200);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    }
}
