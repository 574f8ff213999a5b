package org.galley.site.invalidation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.Tracing;

/**
 * Writes CacheInvalidation events to {@code cache-invalidations} (String articleId, CacheInvalidation) with an
 * idempotent producer (acks=all), and waits until the broker has them all. Each carries the headers of every
 * Galley event: a {@code traceparent} one span on from the published event's, and its event type.
 */
public final class KafkaInvalidationSink implements InvalidationSink {

    private final Topic<String, CacheInvalidation> topic;
    private final KafkaProducer<String, CacheInvalidation> producer;
    private final Tracing tracing;

    public KafkaInvalidationSink(ServiceConfig config, Topic<String, CacheInvalidation> topic, Tracing tracing) {
        this.topic = topic;
        this.tracing = tracing;
        this.producer = new KafkaProducer<>(config.producerProperties("galley-site-invalidations"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    @Override
    public void send(List<Invalidation> invalidations) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Invalidation invalidation : invalidations) {
            sent.add(producer.send(record(topic.name(), invalidation, tracing)));
        }
        producer.flush();
        for (Future<RecordMetadata> result : sent) {
            try {
                result.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A cache invalidation could not be written to " + topic.name(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing cache invalidations", e);
            }
        }
    }

    /** The site's hop: a new span of the published event's trace (a new trace if it had none). */
    static ProducerRecord<String, CacheInvalidation> record(String topic, Invalidation invalidation, Tracing tracing) {
        CacheInvalidation event = invalidation.event();
        ProducerRecord<String, CacheInvalidation> record = new ProducerRecord<>(topic, event.getArticleId(), event);
        EventHeaders.putTrace(record.headers(), tracing.hop("site", invalidation.trace(), event.getArticleId()));
        EventHeaders.putEventType(record.headers(), "CacheInvalidation");
        return record;
    }

    @Override
    public void close() {
        producer.close();
    }
}
