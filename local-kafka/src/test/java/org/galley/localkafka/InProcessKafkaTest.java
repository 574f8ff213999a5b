package org.galley.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One in-process broker, shared by the tests, used through the ordinary Kafka clients. */
class InProcessKafkaTest {

    private static InProcessKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = InProcessKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void listensOnTheLoopbackAddress() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void recordProducedToACreatedTopicIsReadBack() throws Exception {
        Records.createTopic(kafka, new NewTopic("articles", 1, (short) 1));

        Records.send(kafka, "articles", "a-1", "Council approves budget");

        ConsumerRecord<String, String> read = Records.read(kafka, "articles", IsolationLevel.READ_UNCOMMITTED, 1).get(0);
        assertThat(read.key()).isEqualTo("a-1");
        assertThat(read.value()).isEqualTo("Council approves budget");
    }

    @Test
    void readCommittedConsumerSeesCommittedRecordsButNotAbortedOnes() throws Exception {
        Records.createTopic(kafka, new NewTopic("drafts", 1, (short) 1));
        try (KafkaProducer<String, String> producer = Records.producer(kafka,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "drafts-writer"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("drafts", "d-1", "withdrawn"));
            // Without the flush the record could be dropped from the buffer and never reach the log.
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("drafts", "d-2", "published"));
            producer.send(new ProducerRecord<>("drafts", "d-3", "corrected"));
            producer.commitTransaction();
        }

        // The aborted record sits at a lower offset, so a consumer that could see it would have read it first.
        assertThat(Records.values(Records.read(kafka, "drafts", IsolationLevel.READ_COMMITTED, 2)))
                .containsExactly("published", "corrected");
        assertThat(Records.values(Records.read(kafka, "drafts", IsolationLevel.READ_UNCOMMITTED, 3)))
                .containsExactly("withdrawn", "published", "corrected");
    }

    @Test
    void newTopicsGetThreePartitionsByDefault() throws Exception {
        Records.createTopic(kafka, new NewTopic("tags", Optional.empty(), Optional.empty()));

        assertThat(Records.partitionCount(kafka, "tags")).isEqualTo(3);
    }

    @Test
    void startingOnAPortAlreadyInUseSaysSo(@TempDir Path logDir) {
        int taken = Integer.parseInt(kafka.bootstrapServers().split(":")[1]);

        assertThatThrownBy(() -> InProcessKafka.start(taken, logDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Port " + taken)
                .hasMessageContaining("already in use");
    }
}
