package org.galley.ingest.status;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.galley.runtime.Topics;
import org.galley.runtime.errors.DeadLetterRevisions;
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

    private final DeadLetterRevisions revisions;
    private FixedKeyProcessorContext<String, StoryEvent> context;

    public DeadLetterReader(Topics topics) {
        this.revisions = new DeadLetterRevisions(topics);
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
        Long revision = revisions.revision(failure.sourceTopic(), record.value());
        log.info("{} failed in {} ({}), revision {}", record.key(), failure.stage(), failure.reason(),
                revision == null ? "unknown" : revision);
        context.forward(record.withValue(StoryEvent.failed(revision, Instant.ofEpochMilli(record.timestamp()),
                failure.stage(), failure.toReason())));
    }
}
