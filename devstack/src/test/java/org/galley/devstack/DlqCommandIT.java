package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
}
