package org.galley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.examples.PublishedEvents.publish;
import static org.galley.examples.PublishedEvents.unpublish;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.galley.events.ArticlePublished;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.registry.serde.RegistryAvroSerde;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example consumer, configured exactly as its {@code main} configures it, against a real broker and a
 * real registry over HTTP. Events reach {@code articles.published} the way render writes them: in
 * transactions, Avro in Confluent's wire format.
 */
class PublishedStoriesConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PARTNERSHIP = "/ai/microsoft-and-openai-are-not-breaking-up/";
    private static final String CLAUDE = "/ai/claude-goes-to-work/";

    private static KafkaCluster kafka;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startKafkaAndRegistry() throws Exception {
        kafka = TestKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(PublishedStoriesConsumer.TOPIC, 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void followsAPublishACorrectionAndAnUnpublishSeeingOnlyCommittedEventsAndSkippingUnreadableOnes() throws Exception {
        inTransaction(producer -> {
            send(producer, publish("partnership", 1, PARTNERSHIP, "Microsoft and OpenAI Are Not Breaking Up"));
            send(producer, publish("claude", 1, CLAUDE, "Claude Goes to Work"));
        });
        abortedTransaction(producer -> send(producer, publish("partnership", 9, PARTNERSHIP, "A Draft Nobody Committed")));
        inTransaction(producer -> {
            send(producer, publish("partnership", 2, PARTNERSHIP, "Microsoft and OpenAI Are No Longer One Company"));
            send(producer, unpublish("claude", 2, CLAUDE));
        });
        sendBytes("claude", "not an Avro event".getBytes(StandardCharsets.UTF_8));
        inTransaction(producer -> send(producer, publish("partnership", 1, PARTNERSHIP, "Microsoft and OpenAI Are Not Breaking Up")));

        PublishedStoriesConsumer example = new PublishedStoriesConsumer();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (KafkaConsumer<String, ArticlePublished> consumer =
                     PublishedStoriesConsumer.connect(kafka.bootstrapServers(), registry.url())) {
            consumer.subscribe(List.of(PublishedStoriesConsumer.TOPIC));
            Map<TopicPartition, Long> ends = endOffsets(consumer);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!caughtUp(consumer, ends)) {
                assertThat(System.nanoTime()).as("caught up with %s within %s", ends, WAIT).isLessThan(deadline);
                example.pollOnce(consumer, out);
            }

            assertThat(example.headlinesByPath())
                    .containsExactly(Map.entry(PARTNERSHIP, "Microsoft and OpenAI Are No Longer One Company"));
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("+ " + PARTNERSHIP + "  Microsoft and OpenAI Are Not Breaking Up (revision 1)")
                    .contains("+ " + PARTNERSHIP + "  Microsoft and OpenAI Are No Longer One Company (revision 2)")
                    .contains("- " + CLAUDE + " (revision 2)")
                    .doesNotContain("A Draft Nobody Committed");
            assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("skipped ")))
                    .singleElement().asString().startsWith("skipped " + PublishedStoriesConsumer.TOPIC + "-");
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(ends.keySet());
            ends.forEach((partition, end) -> {
                if (end > 0) {
                    assertThat(committed.get(partition).offset()).as("committed offset of %s", partition).isEqualTo(end);
                }
            });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<String, ArticlePublished> consumer) {
        Set<TopicPartition> partitions = new HashSet<>();
        consumer.partitionsFor(PublishedStoriesConsumer.TOPIC)
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        return consumer.endOffsets(partitions);
    }

    private static boolean caughtUp(KafkaConsumer<String, ArticlePublished> consumer, Map<TopicPartition, Long> ends) {
        return consumer.assignment().equals(ends.keySet())
                && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void inTransaction(Consumer<KafkaProducer<String, ArticlePublished>> work) {
        transaction(work, true);
    }

    private static void abortedTransaction(Consumer<KafkaProducer<String, ArticlePublished>> work) {
        transaction(work, false);
    }

    private static void transaction(Consumer<KafkaProducer<String, ArticlePublished>> work, boolean commit) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "render-like-producer");
        try (KafkaProducer<String, ArticlePublished> producer = new KafkaProducer<>(props, new StringSerializer(),
                RegistryAvroSerde.forValues(ArticlePublished.class, registry.url()).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            work.accept(producer);
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.flush();
                producer.abortTransaction();
            }
        }
    }

    private static void send(KafkaProducer<String, ArticlePublished> producer, ArticlePublished event) {
        producer.send(new ProducerRecord<>(PublishedStoriesConsumer.TOPIC, event.getArticleId(), event));
    }

    private static void sendBytes(String key, byte[] value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(PublishedStoriesConsumer.TOPIC, key, value)).get();
        }
    }
}
