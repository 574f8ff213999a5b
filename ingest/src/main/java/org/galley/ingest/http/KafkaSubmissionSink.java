package org.galley.ingest.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.GalleyService;
import org.galley.runtime.SchemaAdmin;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the front door's submissions to {@code articles.submitted} (key String articleId, value
 * {@code ArticleSubmitted}) and its refusals to {@code articles.rejected} (key String articleId or none, value
 * {@code ArticleRejected}) with an idempotent producer that waits for all in-sync replicas, so a request
 * answered 202 or 422 is durably recorded. Runs as its own {@link GalleyService} so it is connected before the
 * HTTP server opens and closed after it stops.
 */
public final class KafkaSubmissionSink implements SubmissionSink, GalleyService {

    /**
     * Marks a refusal made here, at the HTTP door: its submission never reached {@code articles.submitted}, so an
     * audit counts it as a submission of its own ({@code ./galley audit}). Value {@code http}.
     */
    public static final String INTAKE_HEADER = "galley-intake";

    private static final Logger log = LoggerFactory.getLogger(KafkaSubmissionSink.class);

    private final ServiceConfig config;
    private final Topic<String, ArticleSubmitted> submitted;
    private final Topic<String, ArticleRejected> rejected;
    private final Duration sendTimeout;
    private final GalleyMetrics metrics;
    private volatile Producer<byte[], byte[]> producer;

    /**
     * @param sendTimeout how long a request waits for Kafka before it is answered 503
     * @param metrics     counts each refusal stored here as a submission and a rejection by its first reason, as
     *                    the topology counts those it makes
     */
    public KafkaSubmissionSink(ServiceConfig config, Topic<String, ArticleSubmitted> submitted,
                               Topic<String, ArticleRejected> rejected, Duration sendTimeout, GalleyMetrics metrics) {
        this.config = config;
        this.submitted = submitted;
        this.rejected = rejected;
        this.sendTimeout = sendTimeout;
        this.metrics = metrics;
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
        TopicAdmin.ensure(config, List.of(submitted, rejected));
        // The public contract is registered before the door opens, so tools that never auto-register can produce.
        SchemaAdmin.ensure(config, List.of(submitted, rejected));
        Properties props = config.producerProperties("galley-ingest-http");
        // Each topic's own serdes write the values, so one producer serves both topics.
        KafkaProducer<byte[], byte[]> created =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        // Fetching the topic's metadata proves the brokers answer before the front door says it is healthy.
        created.partitionsFor(submitted.name());
        producer = created;
        log.info("Sending HTTP submissions to {} and refusals to {}", submitted.name(), rejected.name());
    }

    @Override
    public void send(ArticleSubmitted submission, TraceParent trace) throws SendFailedException {
        store(submitted, submission.getArticleId(), submission, trace, "ArticleSubmitted",
                LogText.of(submission.getArticleId()) + " revision " + submission.getRevision(), false);
    }

    @Override
    public void reject(ArticleRejected rejection, TraceParent trace) throws SendFailedException {
        store(rejected, rejection.getArticleId(), rejection, trace, "ArticleRejected", "the rejection of " + LogText.of(rejection.getArticleId()),
                true);
        metrics.submitted();
        metrics.rejected(rejection.getReasons().isEmpty() ? null : rejection.getReasons().get(0).getCode());
    }

    private <V> void store(Topic<String, V> topic, String key, V value, TraceParent trace, String eventType,
                           String what, boolean refusedHere)
            throws SendFailedException {
        Producer<byte[], byte[]> current = producer;
        if (current == null) {
            throw new SendFailedException("The Kafka producer is not running", null);
        }
        try {
            byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
            byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(), keyBytes, valueBytes);
            EventHeaders.putTrace(record.headers(), trace);
            EventHeaders.putEventType(record.headers(), eventType);
            if (refusedHere) {
                record.headers().add(INTAKE_HEADER, "http".getBytes(StandardCharsets.UTF_8));
            }
            current.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("Interrupted while sending " + what, e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            // Logged by the caller, under the incident id its client is given.
            throw new SendFailedException("Kafka did not store " + what + " on " + topic.name(), cause);
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
