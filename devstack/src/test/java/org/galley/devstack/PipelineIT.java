package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.galley.enrich.EnrichApp;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.Tag;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.registry.serde.RegistryAvroDeserializer;
import org.galley.registry.serde.RegistryAvroSerializer;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.GalleyService;
import org.galley.runtime.OperationsServer;
import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest, enrich and render as separate services on a real broker and a real registry over HTTP: a newsroom
 * tool produces with a plain KafkaProducer and the Confluent-format serde, and a platform team's plain
 * KafkaConsumer reads the published event back.
 */
class PipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static KafkaCluster kafka;
    private static EmbeddedSchemaRegistry registry;
    private static final List<GalleyService> services = new ArrayList<>();
    /** Render's /metrics, opened as {@code ServiceRunner} opens it for the stage's own process. */
    private static OperationsServer renderOps;

    @BeforeAll
    static void startPipeline() {
        kafka = TestKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        ServiceConfig config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_STATE_DIR", stateDir.toString(),
                "GALLEY_INGEST_PORT", "0",
                "GALLEY_INGEST_HOST", "127.0.0.1",
                "GALLEY_SITE_BASE_URL", "https://news.example"));
        services.add(IngestApp.create(config));
        services.add(EnrichApp.create(config));
        services.add(RenderApp.create(config));
        services.forEach(GalleyService::start);
        services.forEach(service -> assertThat(service.awaitHealthy(WAIT)).as(service.name() + " healthy").isTrue());
        GalleyService render = services.get(2);
        renderOps = OperationsServer.start(render, "127.0.0.1", 0);
        render.bindMetrics(renderOps.registry());
    }

    @AfterAll
    static void stopPipeline() {
        if (renderOps != null) {
            renderOps.close();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aSubmittedStoryComesOutAsAPublishedPageThatAPlainConsumerCanRead() {
        String id = "pipeline-" + UUID.randomUUID();
        produce(submission(id, 1, "Kafka 4.4 Ships With Faster Rebalances", "https://news.example/media/kafka.png"));

        ConsumerRecord<String, ArticlePublished> record = consumeFirst("articles.published", id, ArticlePublished.class);

        ArticlePublished published = record.value();
        assertThat(published.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(published.getRevision()).isEqualTo(1);
        assertThat(published.getSlug()).isEqualTo("kafka-4-4-ships-with-faster-rebalances");
        assertThat(published.getPath()).isEqualTo("/engineering/kafka-4-4-ships-with-faster-rebalances/");
        assertThat(published.getUrl()).isEqualTo("https://news.example/engineering/kafka-4-4-ships-with-faster-rebalances/");
        assertThat(published.getPage().getReadingTimeMinutes()).isGreaterThanOrEqualTo(1);
        assertThat(published.getPage().getWordCount()).isGreaterThan(20);
        assertThat(published.getPage().getTags()).extracting(Tag::getName).contains("Apache Kafka");
        assertThat(published.getPage().getHtml())
                .contains("Kafka 4.4 Ships With Faster Rebalances")
                .contains("https://news.example/media/kafka.png");
        assertThat(published.getPage().getContentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void aStoryWithoutAHeadlineIsRejectedWithItsReasonAndTheNextStoryStillPublishes() {
        String bad = "pipeline-bad-" + UUID.randomUUID();
        String good = "pipeline-good-" + UUID.randomUUID();
        produce(submission(bad, 1, " ", "javascript:alert(1)"));
        produce(submission(good, 1, "A Good Story After A Bad One", "https://news.example/media/x.png"));

        ArticleRejected rejected = consumeFirst("articles.rejected", bad, ArticleRejected.class).value();
        assertThat(rejected.getReasons()).extracting(reason -> reason.getField())
                .contains("headline", "hero.url");
        assertThat(rejected.getSubmission().getArticleId()).isEqualTo(bad);
        assertThat(consumeFirst("articles.published", good, ArticlePublished.class).value().getPage().getHeadline())
                .isEqualTo("A Good Story After A Bad One");
    }

    @Test
    void afterAStoryIsPublishedRendersMetricsCountItWithItsLatencyBesideKafkasConsumerLag() throws Exception {
        String id = "pipeline-metrics-" + UUID.randomUUID();
        produce(submission(id, 1, "Operators Can Now See Every Stage", "https://news.example/media/ops.png"));
        consumeFirst("articles.published", id, ArticlePublished.class);

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + renderOps.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(sample(metrics, "galley_published_total{service=\"galley-render\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "galley_end_to_end_seconds_count{service=\"galley-render\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("galley_end_to_end_seconds_bucket{service=\"galley-render\",le=\"2.0\"}",
                "galley_processing_seconds_count{service=\"galley-render\",stage=\"render\",step=\"render\"}");
        // The names the alert rules and the dashboard use for consumer lag, as Micrometer exports Kafka's metrics.
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max{", "kafka_consumer_fetch_manager_records_lag{");
    }

    /** The value of the one sample {@code series} (name and labels exactly as scraped). */
    private static double sample(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("No " + series + " in\n" + metrics));
    }

    private static ArticleSubmitted submission(String id, long revision, String headline, String heroUrl) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(id).setRevision(revision).setAction(Action.PUBLISH)
                .setHeadline(headline).setDek("What changed in the release, and why operators will care.")
                .setByline("Priya Raman").setCategory("Engineering")
                .setBodyMarkdown("""
                        Apache Kafka 4.4 is out. The release makes consumer group rebalances faster and
                        lighter, which matters most to teams that run many small services.

                        ## What changed

                        The new protocol moves assignment to the broker, so a joining member no longer stops
                        everyone else in the group.
                        """)
                .setHero(new HeroImage(heroUrl, "A diagram of a consumer group", "Consumers share partitions.", "Galley"))
                .setTags(List.of("Kafka"))
                .setSubmittedAt(Instant.now()).setSource("pipeline-it")
                .build();
    }

    private static void produce(ArticleSubmitted submission) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (RegistryAvroSerializer<ArticleSubmitted> values = new RegistryAvroSerializer<>(ArticleSubmitted.class);
             KafkaProducer<String, ArticleSubmitted> producer = new KafkaProducer<>(props, new StringSerializer(), values)) {
            values.configure(Map.of("schema.registry.url", registry.url()), false);
            producer.send(new ProducerRecord<>("articles.submitted", submission.getArticleId(), submission)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not produce " + submission.getArticleId(), e);
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> ConsumerRecord<String, T> consumeFirst(
            String topic, String key, Class<T> type) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        RegistryAvroDeserializer<T> values = new RegistryAvroDeserializer<>(type);
        values.configure(Map.of("schema.registry.url", registry.url()), false);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("Nothing for " + key + " on " + topic + " within " + WAIT);
    }
}
