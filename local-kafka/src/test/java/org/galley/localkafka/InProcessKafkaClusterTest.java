package org.galley.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three brokers and a controller in one JVM: topics are replicated and spread, and transactions work across them. */
class InProcessKafkaClusterTest {

    private static InProcessKafkaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = InProcessKafkaCluster.start(3);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aNewTopicHasSixPartitionsOfThreeReplicasLedByEveryBroker() throws Exception {
        Records.createTopic(cluster, new NewTopic("spread", Optional.empty(), Optional.empty()));

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of("spread")).allTopicNames().get().get("spread");
            assertThat(topic.partitions()).hasSize(6);
            assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            Set<Integer> leaders = topic.partitions().stream().map(TopicPartitionInfo::leader)
                    .map(node -> node.id()).collect(Collectors.toSet());
            assertThat(leaders).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
        }
    }

    @Test
    void aCommittedTransactionIsReadAndAnAbortedOneIsNot() throws Exception {
        Records.createTopic(cluster, new NewTopic("ledger", Optional.empty(), Optional.empty()));
        try (KafkaProducer<String, String> producer = Records.producer(cluster,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-test"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("ledger", "a", "kept"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("ledger", "a", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("ledger", "b", "kept too"));
            producer.commitTransaction();
        }

        assertThat(Records.values(Records.read(cluster, "ledger", IsolationLevel.READ_COMMITTED, 2)))
                .containsExactlyInAnyOrder("kept", "kept too");
    }
}
