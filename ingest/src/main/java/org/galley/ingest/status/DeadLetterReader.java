package org.galley.ingest.status;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each dead letter (key: the failing input's key, the article id; value: its bytes as read) into a
 * {@link StoryEvent#failed failed} event naming the stage and the reason ({@link DeadLetterFailure}). The
 * revision is read from the value by the serde of the topic it came from (submitted, accepted, enriched or
 * published); when it cannot be (unreadable bytes, a value dropped for its size, an output rather than an
 * input), the event names none and {@link StatusRules} applies it to the story as it stands. A dead letter
 * without a key names no story and is skipped.
 */
public final class DeadLetterReader implements FixedKeyProcessor<String, byte[], StoryEvent> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReader.class);

    private final Map<String, Function<byte[], Long>> revisionReaders;
    private FixedKeyProcessorContext<String, StoryEvent> context;

    public DeadLetterReader(Topics topics) {
        this.revisionReaders = Map.of(
                topics.submitted().name(), reader(topics.submitted(), ArticleSubmitted::getRevision),
                topics.accepted().name(), reader(topics.accepted(), accepted -> accepted.getSubmission().getRevision()),
                topics.enriched().name(), reader(topics.enriched(), enriched -> enriched.getSubmission().getRevision()),
                topics.published().name(), reader(topics.published(), ArticlePublished::getRevision));
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StoryEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.key() == null || record.key().isEmpty()) {
            return;
        }
        DeadLetterFailure failure = DeadLetterFailure.of(record.headers());
        Long revision = revision(failure.sourceTopic(), record.value());
        log.info("{} failed in {} ({}), revision {}", record.key(), failure.stage(), failure.reason(),
                revision == null ? "unknown" : revision);
        context.forward(record.withValue(StoryEvent.failed(revision, Instant.ofEpochMilli(record.timestamp()),
                failure.stage(), failure.toReason())));
    }

    private Long revision(String sourceTopic, byte[] value) {
        Function<byte[], Long> reader = sourceTopic == null ? null : revisionReaders.get(sourceTopic);
        if (reader == null || value == null) {
            return null;
        }
        try {
            return reader.apply(value);
        } catch (RuntimeException e) {
            if (isRetriable(e)) {
                // The registry is away: reading again later gives the right revision, so Streams retries.
                throw e;
            }
            // The value is what the stage could not read, or an output of another type: no revision in it.
            return null;
        }
    }

    private static boolean isRetriable(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private static <V> Function<byte[], Long> reader(Topic<String, V> topic, Function<V, Long> revisionOf) {
        Deserializer<V> values = topic.valueSerde().deserializer();
        return bytes -> {
            V value = values.deserialize(topic.name(), bytes);
            return value == null ? null : revisionOf.apply(value);
        };
    }
}
