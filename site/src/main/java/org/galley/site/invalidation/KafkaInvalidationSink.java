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

/**
 * Writes CacheInvalidation events to {@code cache-invalidations} (String articleId, CacheInvalidation) with an
 * idempotent producer (acks=all), and waits until the broker has them all.
 */
public final class KafkaInvalidationSink implements InvalidationSink {

    private final Topic<String, CacheInvalidation> topic;
    private final KafkaProducer<String, CacheInvalidation> producer;

    public KafkaInvalidationSink(ServiceConfig config, Topic<String, CacheInvalidation> topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(config.producerProperties("galley-site-invalidations"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    @Override
    public void send(List<CacheInvalidation> invalidations) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (CacheInvalidation invalidation : invalidations) {
            sent.add(producer.send(new ProducerRecord<>(topic.name(), invalidation.getArticleId(), invalidation)));
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

    @Override
    public void close() {
        producer.close();
    }
}
