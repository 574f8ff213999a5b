package org.galley.enrich;

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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Headline;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich as it runs, on a real broker and schema registry under exactly-once: a preview comes out enriched at its
 * preview address, and the story index, through its repartition topic, never hears of it.
 */
class EnrichPreviewsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "q7Vd0uXo3kZ9bY2cR5mN8wT1";

    @TempDir
    static Path stateDir;

    private static KafkaCluster kafka;
    private static EmbeddedSchemaRegistry registry;
    private static ServiceConfig config;
    private static GalleyService enrich;

    @BeforeAll
    static void startEnrich() {
        kafka = TestKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_STATE_DIR", stateDir.toString(),
                "GALLEY_TOPIC_PARTITIONS", "1"));
        enrich = EnrichApp.create(config);
        enrich.start();
        assertThat(enrich.awaitHealthy(WAIT)).as("enrich became healthy").isTrue();
    }

    @AfterAll
    static void stopEnrich() {
        if (enrich != null) {
            enrich.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aPreviewIsEnrichedAtItsAddressAndTheStoryPublishedAfterItIsAsIfItNeverWas() throws Exception {
        Topics topics = Topics.fromConfig(config);
        ArticleSubmitted draft = SampleStories.submission(SampleStories.KAFKA, "streams-draft", 1);
        draft.setPreview(true);
        ArticleSubmitted live = SampleStories.submission(SampleStories.KAFKA, "streams-live", 1);
        try (KafkaProducer<String, ArticleAccepted> accepted = new KafkaProducer<>(clientProperties(),
                topics.accepted().keySerde().serializer(), topics.accepted().valueSerde().serializer())) {
            accepted.send(new ProducerRecord<>(topics.accepted().name(), draft.getArticleId(),
                    new ArticleAccepted(draft, draft.getSubmittedAt(), TOKEN))).get();
            accepted.send(new ProducerRecord<>(topics.accepted().name(), live.getArticleId(),
                    new ArticleAccepted(live, live.getSubmittedAt(), null))).get();
        }

        List<ConsumerRecord<String, ArticleEnriched>> enriched = readUntil(topics, live.getArticleId());

        assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("streams-draft", "streams-live");
        ArticleEnriched preview = enriched.stream().filter(record -> record.key().equals("streams-draft"))
                .findFirst().orElseThrow().value();
        ArticleEnriched story = enriched.stream().filter(record -> record.key().equals("streams-live"))
                .findFirst().orElseThrow().value();
        assertThat(preview.getPreviewToken()).isEqualTo(TOKEN);
        assertThat(preview.getPath()).isEqualTo("/preview/" + TOKEN + "/");
        assertThat(story.getPreviewToken()).isNull();
        assertThat(story.getSlug()).isEqualTo(preview.getSlug())
                .isEqualTo("why-newsrooms-are-rebuilding-their-publishing-pipelines-around-event-streams");
        assertThat(story.getTicker()).extracting(Headline::getArticleId).containsExactly("streams-live");
    }

    /** Every committed enriched event up to and including the first under {@code key}. */
    private static List<ConsumerRecord<String, ArticleEnriched>> readUntil(Topics topics, String key) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-previews-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, ArticleEnriched>> read = new ArrayList<>();
        try (KafkaConsumer<String, ArticleEnriched> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                topics.enriched().valueSerde().deserializer())) {
            consumer.subscribe(List.of(topics.enriched().name()));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ArticleEnriched> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record);
                    if (key.equals(record.key())) {
                        return read;
                    }
                }
            }
        }
        throw new AssertionError("no enriched story under " + key + " after " + read.size() + " records");
    }

    private static Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }
}
