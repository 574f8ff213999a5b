package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./galley dlq list} against a real broker: every dead letter, with its reason, and how many. */
class DlqCommandIT {

    private static KafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void listPrintsEachDeadLetterWithItsStageReasonAndOriginThenTheCount() throws Exception {
        String topic = "dlq-list-it";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long offset : new long[] {12, 13}) {
                var letter = DeadLetterLineTest.letter("story-" + offset, offset);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 1, letter.key(), letter.value(), letter.headers());
                producer.send(record).get();
            }
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DlqCommand.ListCommand list = new DlqCommand.ListCommand();
        list.out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        int exit = new CommandLine(list).execute("--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic);

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                topic + "-1@0  story-12  render  too-large  from articles.enriched-2@40  RecordTooLargeException: The page is larger than 1 MiB",
                topic + "-1@1  story-13  render  too-large  from articles.enriched-2@40  RecordTooLargeException: The page is larger than 1 MiB",
                "2 dead letters in " + topic);
    }

    @Test
    void replaySendsARecordAsReadBackToItsTopicAndSkipsOneThatHoldsAStagesOutput() throws Exception {
        String topic = "dlq-replay-it";
        String origin = "dlq-replay-origin";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(origin, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> asRead = new ProducerRecord<>(topic, 1, bytes("story-a"), bytes("raw-a"));
            asRead.headers().add("galley-stage", bytes("enrich")).add("galley-reason", bytes("processing-failed"))
                    .add("__streams.errors.topic", bytes(origin)).add("__streams.errors.offset", bytes("7"));
            producer.send(asRead).get();
            var output = DeadLetterLineTest.letter("story-b", 0);
            producer.send(new ProducerRecord<>(topic, 1, output.key(), output.value(), output.headers())).get();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DlqCommand.ReplayCommand replay = new DlqCommand.ReplayCommand();
        replay.out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        int exit = new CommandLine(replay).execute("--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic,
                "1@0", "1@1", "0@9");

        assertThat(exit).as("something was skipped or not found").isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "replayed  1@0  to " + origin,
                "skipped   1@1  holds a stage's output the broker refused (too-large), not the record it read; send the story again",
                "not found 0@9 in " + topic,
                "1 sent back, 1 skipped");
        List<ConsumerRecord<byte[], byte[]>> back = DlqCommand.ListCommand.list(kafka.bootstrapServers(), origin);
        assertThat(back).hasSize(1);
        assertThat(new String(back.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("story-a");
        assertThat(new String(back.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("raw-a");
        assertThat(new String(back.get(0).headers().lastHeader("galley-replayed-from").value(), StandardCharsets.UTF_8))
                .isEqualTo(topic + "-1@0");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
