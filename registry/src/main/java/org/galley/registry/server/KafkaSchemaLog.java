package org.galley.registry.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's schemas in a compacted Kafka topic, as Confluent's registry keeps them: one partition
 * (its order is the order of the changes), {@code cleanup.policy=compact}, records in Confluent's {@code _schemas}
 * format ({@link SchemaLogRecord}). {@link #readAll()} reads the topic to its end, to rebuild a store at start;
 * {@link #append} produces each change (idempotent, {@code acks=all}) and returns once the broker has it, so the
 * registry answers only with ids that will survive it. One registry writes a topic at a time.
 */
final class KafkaSchemaLog implements SchemaJournal, AutoCloseable {

    /** Confluent's default topic name ({@code kafkastore.topic}). */
    static final String DEFAULT_TOPIC = "_schemas";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProperties;
    private final TopicPartition partition;
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaSchemaLog(Map<String, Object> clientProperties, String topic, KafkaProducer<byte[], byte[]> producer) {
        this.clientProperties = clientProperties;
        this.partition = new TopicPartition(topic, 0);
        this.producer = producer;
    }

    /**
     * Opens the topic, creating it if it does not exist.
     *
     * @param clientProperties Kafka client settings: {@code bootstrap.servers}, and any security settings
     */
    static KafkaSchemaLog open(Map<String, Object> clientProperties, String topic) {
        Map<String, Object> client = Map.copyOf(clientProperties);
        ensureTopic(client, topic);
        Map<String, Object> producerProperties = new HashMap<>(client);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        producerProperties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 3);
        return new KafkaSchemaLog(client, topic,
                new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    /** Every change in the topic, oldest first, read up to the end it had when this was called. */
    List<SchemaLogRecord> readAll() {
        Map<String, Object> consumerProperties = new HashMap<>(clientProperties);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<SchemaLogRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + partition.topic() + " to its end (offset "
                            + end + ") within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        SchemaLogRecord.read(record.key(), record.value()).ifPresent(records::add);
                    }
                }
            }
        }
        LOG.info("Read {} schema registry records from {}", records.size(), partition.topic());
        return records;
    }

    @Override
    public void append(List<SchemaLogRecord> records) {
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (SchemaLogRecord record : records) {
                sent.add(producer.send(new ProducerRecord<>(partition.topic(), partition.partition(),
                        record.key(), record.value())));
            }
            for (Future<?> send : sent) {
                send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + partition.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + partition.topic() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(TIMEOUT);
    }

    /**
     * The topic's description. A broker may not know a topic it has just created for a moment (KRaft hands the
     * new metadata out asynchronously), so "unknown topic" is asked again until {@link #TIMEOUT}.
     */
    private static TopicDescription describeOnceKnown(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void ensureTopic(Map<String, Object> client, String topic) {
        try (Admin admin = Admin.create(client)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            NewTopic wanted = new NewTopic(topic, 1, (short) Math.min(3, brokers))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(wanted)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created the schema registry topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription found = describeOnceKnown(admin, topic);
            // With more partitions the changes would lose their order, and ids could be handed out twice.
            if (found.partitions().size() != 1) {
                throw new IllegalStateException("The schema registry topic " + topic + " must have one partition, has "
                        + found.partitions().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not open the schema registry topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
