package org.galley.runtime.errors;

import java.util.Map;
import java.util.function.Function;

import org.galley.events.ArticlePublished;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;

/**
 * The story revision a dead letter is about, read from its value by the serde of the topic it was read from
 * (submitted, accepted, enriched or published; the {@code __streams.errors.topic} header). Null when it cannot be
 * read: the value is what failed to read, was dropped for its size, or is an output rather than an input. A registry
 * that is away is not the value's fault: that failure is thrown (retriable), so the caller reads again later.
 */
public final class DeadLetterRevisions {

    private final Map<String, Function<byte[], Long>> readers;

    public DeadLetterRevisions(Topics topics) {
        this.readers = Map.of(
                topics.submitted().name(), reader(topics.submitted(), ArticleSubmitted::getRevision),
                topics.accepted().name(), reader(topics.accepted(), accepted -> accepted.getSubmission().getRevision()),
                topics.enriched().name(), reader(topics.enriched(), enriched -> enriched.getSubmission().getRevision()),
                topics.published().name(), reader(topics.published(), ArticlePublished::getRevision));
    }

    /** Whether records read from {@code topic} carry a revision this can read. */
    public boolean knows(String topic) {
        return topic != null && readers.containsKey(topic);
    }

    /** The revision in {@code value}, read from {@code sourceTopic}; null when there is none to read. */
    public Long revision(String sourceTopic, byte[] value) {
        Function<byte[], Long> reader = sourceTopic == null ? null : readers.get(sourceTopic);
        if (reader == null || value == null) {
            return null;
        }
        try {
            return reader.apply(value);
        } catch (RuntimeException e) {
            if (Failures.isRetriable(e)) {
                throw e;
            }
            return null;
        }
    }

    private static <V> Function<byte[], Long> reader(Topic<String, V> topic, Function<V, Long> revisionOf) {
        return bytes -> {
            V value = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
            return value == null ? null : revisionOf.apply(value);
        };
    }
}
