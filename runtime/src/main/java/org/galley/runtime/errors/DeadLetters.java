package org.galley.runtime.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.galley.runtime.metrics.GalleyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dead-letter record for a poison record: its key and value as read (or as far as they are known),
 * Kafka Streams' standard headers ({@code __streams.errors.exception}, {@code .message}, {@code .stacktrace},
 * {@code .topic}, {@code .partition}, {@code .offset}, from KIP-1034) and Galley's own: {@code galley-stage}
 * (ingest, enrich, render...) and {@code galley-reason}, a short fixed word for what went wrong.
 *
 * <p>Configured from the Streams properties: {@code errors.dead.letter.queue.topic.name} and
 * {@link #STAGE_CONFIG}. Without a dead-letter topic nothing is built and the record is only logged.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The Streams property naming the stage, set by {@code StreamsSettings}. */
    public static final String STAGE_CONFIG = "galley.stage";
    public static final String STAGE_HEADER = "galley-stage";
    public static final String REASON_HEADER = "galley-reason";
    /** On a dead letter whose value was too large to keep: the value's length in bytes. */
    public static final String VALUE_DROPPED_HEADER = "galley-value-dropped";

    /** Bytes that could not be read (bad Avro, unknown schema id). */
    public static final String UNREADABLE = "unreadable";
    /** A stage's own code failed on the record. */
    public static final String PROCESSING_FAILED = "processing-failed";
    /** The broker refused the output as larger than the topic's {@code max.message.bytes}. */
    public static final String TOO_LARGE = "too-large";
    /** The output could not be serialized, e.g. the registry would not register its schema. */
    public static final String UNSERIALIZABLE = "unserializable";
    /** The broker refused the output for another reason that retrying will not change. */
    public static final String REFUSED = "refused";

    private final String topic;
    private final String stage;
    private final GalleyMetrics metrics;

    public DeadLetters(String topic, String stage) {
        this(topic, stage, new GalleyMetrics());
    }

    /** Counts each dead letter it builds in {@code metrics} ({@code galley_dead_lettered_total}, and failures). */
    public DeadLetters(String topic, String stage, GalleyMetrics metrics) {
        this.topic = topic;
        this.stage = stage;
        this.metrics = metrics;
    }

    /** From a handler's {@code configure} map (the Streams properties, with the stage's {@link GalleyMetrics}). */
    public static DeadLetters fromConfigs(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        Object stage = configs.get(STAGE_CONFIG);
        return new DeadLetters(topic == null ? null : topic.toString(), stage == null ? "unknown" : stage.toString(),
                GalleyMetrics.fromConfigs(configs));
    }

    public String stage() {
        return stage;
    }

    /** Counts a record that failed for now at {@code step} (read, process, write) and will be handled again. */
    public void failedForNow(String step) {
        metrics.failed(stage, step);
    }

    /** Whether {@code topic} is the dead-letter topic itself. */
    public boolean isDeadLetterTopic(String topic) {
        return this.topic != null && this.topic.equals(topic);
    }

    /**
     * A dead letter that could not be sent, without its value (what made it too large) and marked so with
     * {@value #VALUE_DROPPED_HEADER}; nothing if it had no value already, so a dead letter is never retried twice.
     */
    public List<ProducerRecord<byte[], byte[]>> withoutValue(ProducerRecord<byte[], byte[]> deadLetter) {
        if (deadLetter.value() == null) {
            return List.of();
        }
        ProducerRecord<byte[], byte[]> smaller = new ProducerRecord<>(deadLetter.topic(), deadLetter.partition(),
                deadLetter.timestamp(), deadLetter.key(), null, deadLetter.headers());
        smaller.headers().add(VALUE_DROPPED_HEADER, Integer.toString(deadLetter.value().length).getBytes(StandardCharsets.UTF_8));
        return List.of(smaller);
    }

    /** The record to send to the dead-letter topic; none when no topic is configured. */
    public List<ProducerRecord<byte[], byte[]>> records(String reason, byte[] key, byte[] value,
                                                        ErrorHandlerContext context, Exception error) {
        if (topic == null) {
            return List.of();
        }
        if (topic.equals(context.topic())) {
            // A stage that reads the dead-letter topic itself (ingest's status view) and fails on one must not write
            // it back there: it would be read, fail and be written again without end.
            log.error("{}: skipping dead letter {}-{}@{}, which could not be handled ({}); it stays where it is",
                    stage, context.topic(), context.partition(), context.offset(), error.toString());
            return List.of();
        }
        ProducerRecord<byte[], byte[]> record = ExceptionHandlerUtils.buildDeadLetterQueueRecord(topic, key, value, context, error);
        record.headers().remove(STAGE_HEADER).remove(REASON_HEADER);
        record.headers().add(STAGE_HEADER, stage.getBytes(StandardCharsets.UTF_8));
        record.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        metrics.deadLettered(stage, reason);
        return List.of(record);
    }
}
