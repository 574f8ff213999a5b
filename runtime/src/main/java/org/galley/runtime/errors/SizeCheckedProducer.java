package org.galley.runtime.errors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * A stage's producer that turns away, itself, a record larger than its topic takes, so that the producer's
 * transaction is never touched by it. A transactional producer that sends a record the broker (or its own
 * max.request.size check) refuses can only abort: under exactly-once the task then starts again from its last
 * commit, reads the same input, and fails the same way, for ever. Refused here, the record reaches the
 * {@link GalleyProductionExceptionHandler} as a {@link RecordTooLargeException} through the send callback, on
 * the stream thread while the input record that made it is still current, and is dead-lettered in the same
 * transaction as everything else.
 *
 * <p>The size counted is an upper bound of what the broker will see: key, value, headers and Kafka's record and
 * batch overheads, plus room for compression that makes incompressible bytes slightly larger.
 */
final class SizeCheckedProducer implements Producer<byte[], byte[]> {

    // A record batch's header, and the most a record's own varints and attributes can take.
    private static final int BATCH_OVERHEAD = 61;
    private static final int RECORD_OVERHEAD = 40;
    private static final int HEADER_OVERHEAD = 10;

    private final Producer<byte[], byte[]> delegate;
    private final ToIntFunction<String> limitOf;

    /** {@code limitOf}: the largest record, in bytes, that a topic takes. */
    SizeCheckedProducer(Producer<byte[], byte[]> delegate, ToIntFunction<String> limitOf) {
        this.delegate = delegate;
        this.limitOf = limitOf;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        long size = sizeUpperBound(record);
        int limit = limitOf.applyAsInt(record.topic());
        if (size <= limit) {
            return delegate.send(record, callback);
        }
        RecordTooLargeException tooLarge = new RecordTooLargeException("A record for " + record.topic() + " would be up to "
                + size + " bytes, more than the " + limit + " the topic takes (max.message.bytes, max.request.size)");
        // As KafkaProducer reports a record it refuses: to the callback, then as a failed future.
        if (callback != null) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition() == null ? RecordMetadata.UNKNOWN_PARTITION : record.partition());
            callback.onCompletion(new RecordMetadata(partition, -1, -1, -1, -1, -1), tooLarge);
        }
        return CompletableFuture.failedFuture(tooLarge);
    }

    static long sizeUpperBound(ProducerRecord<byte[], byte[]> record) {
        long size = BATCH_OVERHEAD + RECORD_OVERHEAD + length(record.key()) + length(record.value());
        for (Header header : record.headers()) {
            size += HEADER_OVERHEAD + header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        // lz4, zstd and gzip add at most a few bytes per 128 of bytes they cannot compress, and a frame header.
        return size + size / 128 + 64;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    @Override
    public void initTransactions() {
        delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
        delegate.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
        delegate.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
        delegate.commitTransaction();
    }

    @Override
    public void abortTransaction() {
        delegate.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void close(Duration timeout) {
        delegate.close(timeout);
    }
}
