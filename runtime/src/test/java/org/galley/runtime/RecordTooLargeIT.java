package org.galley.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.runtime.errors.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage on a real broker, run as every stage is ({@link StreamsService}, {@link StreamsSettings}' exactly-once
 * and handlers), that passes records from an input topic to an output topic whose {@code max.message.bytes} is
 * smaller than one of them: that record goes to the dead-letter topic with its reason, and the records after it
 * still flow. (Before, the task failed, its replacement read the same record again, and the stage stalled for
 * good; and under exactly-once a record the broker refuses aborts the whole transaction, so it must be turned away
 * before it is sent.)
 */
class RecordTooLargeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int OUTPUT_LIMIT = 64 * 1024;

    @TempDir
    static java.nio.file.Path state;

    private static KafkaCluster kafka;
    private static ServiceConfig config;
    private static Topics topics;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.start();
        config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "GALLEY_STATE_DIR", state.toString(),
                "GALLEY_TOPIC_PARTITIONS", "1"));
        // The serdes are never used here: the stage passes bytes.
        topics = Topics.create(config, "mock://record-too-large-it");
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRecordTheBrokerRefusesIsDeadLetteredWithItsReasonAndTheNextRecordFlows() throws Exception {
        Topic<byte[], byte[]> in = new Topic<>("too-large-in", Serdes.ByteArray(), Serdes.ByteArray());
        Topic<byte[], byte[]> out = new Topic<>("too-large-out", Serdes.ByteArray(), Serdes.ByteArray(),
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(OUTPUT_LIMIT)));
        // Random, so that no compression brings it under the limit.
        byte[] huge = new byte[4 * OUTPUT_LIMIT];
        new Random(10).nextBytes(huge);

        StreamsService stage = new StreamsService("galley-passthrough", passThrough(in, out),
                StreamsSettings.forService("galley-passthrough", config, topics), config,
                List.of(in, out, topics.deadLetter()));
        stage.start();
        try {
            send(in, "small-1", "before".getBytes(UTF_8));
            send(in, "huge", huge);
            send(in, "small-2", "after".getBytes(UTF_8));

            List<ConsumerRecord<byte[], byte[]>> passed = read(out.name(), 2);
            assertThat(passed).extracting(record -> new String(record.key(), UTF_8)).containsExactly("small-1", "small-2");

            List<ConsumerRecord<byte[], byte[]>> dead = read(topics.deadLetter().name(), 1);
            assertThat(dead).hasSize(1);
            ConsumerRecord<byte[], byte[]> letter = dead.get(0);
            assertThat(new String(letter.key(), UTF_8)).isEqualTo("huge");
            assertThat(letter.value()).as("what was too large is not kept").isNull();
            assertThat(header(letter, DeadLetters.VALUE_DROPPED_HEADER)).isEqualTo(Integer.toString(huge.length));
            assertThat(header(letter, DeadLetters.REASON_HEADER)).isEqualTo(DeadLetters.TOO_LARGE);
            assertThat(header(letter, DeadLetters.STAGE_HEADER)).isEqualTo("passthrough");
            assertThat(header(letter, "__streams.errors.exception")).endsWith("RecordTooLargeException");
            assertThat(header(letter, "__streams.errors.topic")).isEqualTo(in.name());
            assertThat(header(letter, "__streams.errors.offset")).isEqualTo("1");
        } finally {
            stage.close();
        }
    }

    private static Topology passThrough(Topic<byte[], byte[]> from, Topic<byte[], byte[]> to) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(from.name(), from.consumed()).to(to.name(), to.produced());
        return builder.build();
    }

    private static void send(Topic<byte[], byte[]> topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.producerProperties("too-large-it"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key.getBytes(UTF_8), value)).get();
        }
    }

    /** The committed records of a topic, once there are at least {@code expected}; then a moment more for strays. */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        Properties props = config.readCommittedConsumerProperties("too-large-it", "too-large-it-" + topic);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plus(WAIT);
            Instant settled = null;
            while (Instant.now().isBefore(deadline) && (settled == null || Instant.now().isBefore(settled))) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                if (settled == null && found.size() >= expected) {
                    settled = Instant.now().plusSeconds(1);
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
