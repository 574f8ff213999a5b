package org.galley.runtime.errors;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** What Streams tells a handler about the record at hand, as a plain value for tests. */
record HandlerContext(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
                      long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {

    static HandlerContext of(String topic, long offset, byte[] rawKey, byte[] rawValue) {
        return new HandlerContext(topic, 0, offset, new RecordHeaders(), "node", new TaskId(0, 0), 1_000L, rawKey, rawValue);
    }
}
