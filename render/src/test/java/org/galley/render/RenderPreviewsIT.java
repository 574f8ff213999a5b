package org.galley.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Render as it runs, on a real broker and schema registry under exactly-once: a preview of a live story comes out
 * on {@code articles.previews} only, and what committed readers of {@code articles.published} and {@code pages}
 * see is the live stories alone.
 */
class RenderPreviewsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "q7Vd0uXo3kZ9bY2cR5mN8wT1";
    private static final String PREVIEW_PATH = "/preview/" + TOKEN + "/";

    @TempDir
    static Path stateDir;

    private static KafkaCluster kafka;
    private static EmbeddedSchemaRegistry registry;
    private static ServiceConfig config;
    private static GalleyService render;

    @BeforeAll
    static void startRender() {
        kafka = TestKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_STATE_DIR", stateDir.toString(),
                "GALLEY_TOPIC_PARTITIONS", "1"));
        render = RenderApp.create(config);
        render.start();
        assertThat(render.awaitHealthy(WAIT)).as("render became healthy").isTrue();
    }

    @AfterAll
    static void stopRender() {
        if (render != null) {
            render.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aPreviewOfALiveStoryIsOnThePreviewsTopicAndNowhereElse() throws Exception {
        Topics topics = Topics.fromConfig(config);
        ArticleEnriched live = StoryFixtures.microsoftOpenAi();
        ArticleEnriched draft = StoryFixtures.preview(
                StoryFixtures.withSubmission(live, s -> s.setRevision(2).setHeadline("A Headline Not Yet Published")),
                TOKEN);
        ArticleEnriched after = StoryFixtures.claudeGoesToWork();
        Properties producer = clientProperties();
        producer.put("enable.idempotence", "true");
        try (KafkaProducer<String, ArticleEnriched> enriched = new KafkaProducer<>(producer,
                topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer())) {
            // One partition: render reads them in this order, so once the last story is out the preview is done.
            for (ArticleEnriched story : List.of(live, draft, after)) {
                enriched.send(new ProducerRecord<>(topics.enriched().name(), story.getSubmission().getArticleId(),
                        story)).get();
            }
        }

        List<ConsumerRecord<String, String>> previews = readUntil(topics.previews().name(),
                topics.previews().valueSerde().deserializer(), PREVIEW_PATH);
        List<ConsumerRecord<String, ArticlePublished>> published = readUntil(topics.published().name(),
                topics.published().valueSerde().deserializer(), StoryFixtures.CLAUDE_ID);
        List<ConsumerRecord<String, String>> pages = readUntil(topics.pages().name(),
                topics.pages().valueSerde().deserializer(), StoryFixtures.CLAUDE_PATH);

        assertThat(previews).extracting(ConsumerRecord::key).containsExactly(PREVIEW_PATH);
        assertThat(Jsoup.parse(previews.get(0).value()).select("meta[name=robots]").attr("content"))
                .isEqualTo("noindex, nofollow");
        assertThat(Jsoup.parse(previews.get(0).value()).select("h1").text()).isEqualTo("A Headline Not Yet Published");
        assertThat(published).extracting(record -> record.key() + " r" + record.value().getRevision() + " "
                + record.value().getPath()).containsExactly(
                StoryFixtures.MICROSOFT_ID + " r1 " + StoryFixtures.MICROSOFT_PATH,
                StoryFixtures.CLAUDE_ID + " r1 " + StoryFixtures.CLAUDE_PATH);
        assertThat(pages).extracting(ConsumerRecord::key)
                .containsExactly(StoryFixtures.MICROSOFT_PATH, StoryFixtures.CLAUDE_PATH);
        assertThat(pages.get(0).value()).doesNotContain("A Headline Not Yet Published", TOKEN);
    }

    /** Every committed record of {@code topic} up to and including the first under {@code key}. */
    private static <V> List<ConsumerRecord<String, V>> readUntil(String topic, Deserializer<V> values, String key) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "render-previews-it-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record);
                    if (key.equals(record.key())) {
                        return read;
                    }
                }
            }
        }
        throw new AssertionError("no record under " + key + " on " + topic + " after " + read.size() + " records");
    }

    private static Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }
}
