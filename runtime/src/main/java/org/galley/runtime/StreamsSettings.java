package org.galley.runtime;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams settings every Galley stage runs with: exactly-once (v2), and a dead-letter topic for
 * any record that cannot be read or processed, so one bad event never stops a stage and is never lost; then the
 * latency and throughput tuning below, each setting with its reason (docs/performance.md has the measurements).
 * Anything here can be overridden with a {@code KAFKA_*} variable.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties forService(String applicationId, ServiceConfig config, Topics topics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get("GALLEY_STATE_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "galley-state").toString()));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        // Kafka 5 will make this the default; opting in now keeps global stores under the same handler.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetter().name());
        // Internal topics (repartition, changelog) and outputs must take a whole page, like Galley's own topics.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), config.maxMessageBytes());
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(config.maxMessageBytes()));
        tuneForLatency(props);
        props.putAll(config.kafkaProperties());
        return props;
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
