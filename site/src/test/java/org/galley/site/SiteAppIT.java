package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.galley.events.ArticlePublished;
import org.galley.events.CacheInvalidation;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site against a real broker and registry: it rebuilds from history without announcing it, announces what
 * arrives afterwards on cache-invalidations, and after a restart announces only what arrived while it was down.
 * Previews from articles.previews are written at their address and announced and listed nowhere.
 */
class SiteAppIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path out;

    private static KafkaCluster kafka;
    private static EmbeddedSchemaRegistry registry;
    private static ServiceConfig config;
    private static Topics topics;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_SITE_DIR", out.toString(),
                "GALLEY_SITE_SERVE", "false",
                "GALLEY_SITE_GROUP_ID", "site-it",
                "GALLEY_TOPIC_PARTITIONS", "1"));
        topics = Topics.fromConfig(config);
        TopicAdmin.ensure(config, topics.all());
    }

    @AfterAll
    static void stopKafka() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void historyIsRebuiltSilentlyNewStoriesArePurgedAndARestartPurgesOnlyWhatItMissed() throws Exception {
        publish(story("history").path("/ai/history/").published());
        preview(OLD_PREVIEW, "<p>an older preview</p>");

        SiteService site = SiteApp.create(config);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        site.start();
        site.bindMetrics(meters);
        try {
            await(() -> homeLists("/ai/history/"));
            await(() -> Files.exists(out.resolve(fileOf(OLD_PREVIEW))));
            preview(PREVIEW, "<p>a draft</p>");
            preview("/preview/../../escaped-aaaaaaaaaaaaaaaa/", "<p>refused</p>");
            publish(story("fresh").path("/ai/fresh/").tags("OpenAI:openai").published());
            await(() -> homeLists("/ai/fresh/"));
            await(() -> Files.exists(out.resolve(fileOf(PREVIEW))));
            assertThat(Files.readString(out.resolve(fileOf(PREVIEW)))).isEqualTo("<p>a draft</p>");
            assertThat(out.getParent().resolve("escaped-aaaaaaaaaaaaaaaa")).doesNotExist();
            for (String file : List.of("index.html", "sitemap.xml", "feed.xml", "ai/index.html", "published.jsonl")) {
                assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain("/preview/");
            }
            // Caught up means 0, although each transaction left a commit marker after its story.
            await(() -> meters.get("galley.site.lag.records").gauge().value() == 0);
            assertThat(meters.get("galley.site.lag.seconds").gauge().value()).isZero();
            assertThat(out.resolve("tags/openai/feed.xml")).exists();
            List<CacheInvalidation> announced = invalidations(1);
            assertThat(announced).extracting(CacheInvalidation::getArticleId).containsExactly("fresh");
            assertThat(announced.get(0).getPaths()).contains("/ai/fresh/", "/", "/feed.xml", "/ai/", "/tags/openai/atom.xml");
        } finally {
            site.close();
        }

        publish(story("fresh").path("/ai/fresh/").revision(2).unpublished("2026-04-22T00:00:00Z"));
        preview(OLD_PREVIEW, null);
        SiteService restarted = SiteApp.create(config);
        restarted.start();
        try {
            await(() -> !Files.exists(out.resolve("tags/openai")) && !homeLists("/ai/fresh/"));
            assertThat(out.resolve("ai/fresh")).doesNotExist();
            assertThat(out.resolve("tags/openai")).doesNotExist();
            await(() -> !Files.exists(out.resolve(fileOf(OLD_PREVIEW))));
            assertThat(Files.readString(out.resolve(fileOf(PREVIEW)))).isEqualTo("<p>a draft</p>");
            assertThat(Files.readString(out.resolve("feed.xml"))).doesNotContain("/ai/fresh/");
            assertThat(invalidations(2)).extracting(i -> i.getArticleId() + "@" + i.getRevision() + " " + i.getAction())
                    .containsExactly("fresh@1 PUBLISH", "fresh@2 UNPUBLISH");
        } finally {
            restarted.close();
        }
    }

    private static final String PREVIEW = "/preview/it-preview-0123456789/";
    private static final String OLD_PREVIEW = "/preview/it-older-preview-0123456789/";

    private static String fileOf(String previewPath) {
        return previewPath.substring(1) + "index.html";
    }

    /** In a transaction of its own, as render writes articles.previews; {@code html} null is a tombstone. */
    private static void preview(String path, String html) throws Exception {
        Properties props = config.producerProperties("site-it");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "site-it-preview");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props,
                topics.previews().keySerde().serializer(), topics.previews().valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.previews().name(), path, html)).get();
            producer.commitTransaction();
        }
    }

    /** In a transaction of its own, as render writes articles.published. */
    private static void publish(ArticlePublished event) throws Exception {
        Properties props = config.producerProperties("site-it");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "site-it-" + event.getArticleId() + "-" + event.getRevision());
        try (KafkaProducer<String, ArticlePublished> producer = new KafkaProducer<>(props,
                topics.published().keySerde().serializer(), topics.published().valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.published().name(), event.getArticleId(), event)).get();
            producer.commitTransaction();
        }
    }

    /** Every invalidation on the topic, once there are at least {@code expected}; then a moment more for strays. */
    private static List<CacheInvalidation> invalidations(int expected) {
        Properties props = config.kafkaProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<CacheInvalidation> found = new ArrayList<>();
        try (KafkaConsumer<String, CacheInvalidation> consumer = new KafkaConsumer<>(props,
                topics.cacheInvalidations().keySerde().deserializer(), topics.cacheInvalidations().valueSerde().deserializer())) {
            TopicPartition partition = new TopicPartition(topics.cacheInvalidations().name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plus(WAIT);
            Instant settled = null;
            while (Instant.now().isBefore(deadline) && (settled == null || Instant.now().isBefore(settled))) {
                for (ConsumerRecord<String, CacheInvalidation> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(record.value());
                }
                if (settled == null && found.size() >= expected) {
                    settled = Instant.now().plusSeconds(1);
                }
            }
        }
        return found;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached within " + WAIT);
            }
            Thread.sleep(50);
        }
    }

    /** Whether the home page lists the story at {@code path} (the site has applied it and flushed). */
    private boolean homeLists(String path) {
        try {
            return Files.exists(out.resolve("index.html")) && Files.readString(out.resolve("index.html")).contains(path);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
