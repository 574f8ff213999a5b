package org.galley.runtime.trace;

import java.util.function.Function;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The two steps every stage's topology adds around its own work, so logs and traces follow one story:
 * <ul>
 *   <li>{@link #enter} right after the stage's source: names the story in the logging MDC ({@link StoryLog})
 *       for everything downstream of it on the stream thread (the DSL runs a record through every processor
 *       and sink before the next one), and gives a record without a {@code traceparent} a new trace (intake:
 *       a submission written to Kafka by a tool that sent none);</li>
 *   <li>{@link #hop} once per output of the stage's work: a new span id, child of the incoming one, and
 *       {@link #typed} before each sink, naming the event type. Kafka Streams copies input headers to
 *       outputs, so what is not replaced here travels on unchanged.</li>
 * </ul>
 */
public final class StoryHops {

    private StoryHops() {
    }

    /**
     * @param revision the story's revision in a value (null for none); the article id is the record key
     * @param intake   the span name of a trace started here, e.g. {@code ingest}
     */
    public static <V> FixedKeyProcessorSupplier<String, V, V> enter(Tracing tracing, String intake,
                                                                  Function<V, Object> revision) {
        return () -> new Forwarding<>() {
            @Override
            public void process(FixedKeyRecord<String, V> record) {
                TraceParent trace = EventHeaders.trace(record.headers()).orElse(null);
                Headers headers = record.headers();
                if (trace == null) {
                    trace = tracing.hop(intake, null, record.key());
                    headers = EventHeaders.copy(headers);
                    EventHeaders.putTrace(headers, trace);
                }
                Object rev = record.value() == null ? null : revision.apply(record.value());
                try (StoryLog.Scope story = StoryLog.open(record.key(), rev, trace)) {
                    context.forward(record.withHeaders(headers));
                }
            }
        };
    }

    /** A new span of the record's trace for this stage's hop (a new trace if it has none). */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> hop(Tracing tracing, String name) {
        return () -> new Forwarding<>() {
            @Override
            public void process(FixedKeyRecord<K, V> record) {
                TraceParent parent = EventHeaders.trace(record.headers()).orElse(null);
                String articleId = record.key() instanceof String id ? id : null;
                Headers headers = EventHeaders.copy(record.headers());
                EventHeaders.putTrace(headers, tracing.hop(name, parent, articleId));
                context.forward(record.withHeaders(headers));
            }
        };
    }

    /** Names the event type of what the next sink writes ({@link EventHeaders#EVENT_TYPE}). */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> typed(String eventType) {
        return () -> new Forwarding<>() {
            @Override
            public void process(FixedKeyRecord<K, V> record) {
                Headers headers = EventHeaders.copy(record.headers());
                EventHeaders.putEventType(headers, eventType);
                context.forward(record.withHeaders(headers));
            }
        };
    }

    private abstract static class Forwarding<K, V> implements FixedKeyProcessor<K, V, V> {
        FixedKeyProcessorContext<K, V> context;

        @Override
        public void init(FixedKeyProcessorContext<K, V> context) {
            this.context = context;
        }
    }
}
