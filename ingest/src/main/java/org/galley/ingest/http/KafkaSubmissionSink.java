package org.galley.ingest.http;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.TopicAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the front door's submissions to {@code articles.submitted} (key String articleId, value
 * {@code ArticleSubmitted}) with an idempotent producer that waits for all in-sync replicas, so a submission
 * answered with 202 is durably stored. Runs as its own {@link GalleyService} so it is connected before the
 * HTTP server opens and closed after it stops.
 */
public final class KafkaSubmissionSink implements SubmissionSink, GalleyService {

    private static final Logger log = LoggerFactory.getLogger(KafkaSubmissionSink.class);

    private final ServiceConfig config;
    private final Topic<String, ArticleSubmitted> topic;
    private final Duration sendTimeout;
    private volatile Producer<String, ArticleSubmitted> producer;

    /**
     * @param sendTimeout how long a request waits for Kafka before it is answered 503
     */
    public KafkaSubmissionSink(ServiceConfig config, Topic<String, ArticleSubmitted> topic, Duration sendTimeout) {
        this.config = config;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public String name() {
        return "galley-ingest-producer";
    }

    @Override
    public synchronized void start() {
        if (producer != null) {
            return;
        }
        TopicAdmin.ensureTopics(config, List.of(topic.name()));
        Properties props = config.kafkaProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "galley-ingest-http");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaProducer<String, ArticleSubmitted> created =
                new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        // Fetching the topic's metadata proves the brokers answer before the front door says it is healthy.
        created.partitionsFor(topic.name());
        producer = created;
        log.info("Sending HTTP submissions to {}", topic.name());
    }

    @Override
    public void send(ArticleSubmitted submission) throws SendFailedException {
        Producer<String, ArticleSubmitted> current = producer;
        if (current == null) {
            throw new SendFailedException("The Kafka producer is not running", null);
        }
        try {
            current.send(new ProducerRecord<>(topic.name(), submission.getArticleId(), submission))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("Interrupted while sending " + submission.getArticleId(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            log.warn("Could not send {} revision {} to {}: {}", submission.getArticleId(),
                    submission.getRevision(), topic.name(), cause.toString());
            throw new SendFailedException("Kafka did not store the submission: " + cause.getMessage(), cause);
        }
    }

    @Override
    public boolean isReady() {
        return producer != null;
    }

    @Override
    public boolean isHealthy() {
        return isReady();
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
