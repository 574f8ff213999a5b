package org.galley.runtime.trace;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every Galley event carries, for consumers and for following one story across stages:
 * {@value #TRACEPARENT} (W3C Trace Context, {@link TraceParent}) and {@value #EVENT_TYPE}, the simple name of the
 * value's Avro record ({@code ArticlePublished}), or {@code Page} on the {@code pages} topic, whose values are
 * raw HTML. Both are UTF-8 text. docs/consumers.md documents them.
 */
public final class EventHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String EVENT_TYPE = "galley-event-type";

    private EventHeaders() {
    }

    /** The event's trace context, or empty when it has none or a malformed one. */
    public static Optional<TraceParent> trace(Headers headers) {
        return text(headers, TRACEPARENT).flatMap(TraceParent::parse);
    }

    public static Optional<String> eventType(Headers headers) {
        return text(headers, EVENT_TYPE);
    }

    /** Replaces the trace context in these headers. */
    public static void putTrace(Headers headers, TraceParent trace) {
        put(headers, TRACEPARENT, trace.header());
    }

    /** Replaces the event type in these headers. */
    public static void putEventType(Headers headers, String eventType) {
        put(headers, EVENT_TYPE, eventType);
    }

    /**
     * A copy to change: in the Streams DSL the records a processor forwards to several children (branches,
     * a stream read twice) share one headers object, so a hop never edits the one it was given.
     */
    public static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
