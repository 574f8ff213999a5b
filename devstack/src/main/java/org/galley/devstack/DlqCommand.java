package org.galley.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.galley.runtime.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./galley dlq}: what the stages gave up on, and why. */
@Command(name = "dlq", mixinStandardHelpOptions = true, subcommands = DlqCommand.ListCommand.class,
        description = "The dead-letter topic: each record a stage could not read, process or write, with its reason.")
final class DlqCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every dead letter, oldest first per partition: where it sits, the story, the stage,"
                    + " the reason, where it was read from and the exception.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka (default: ${DEFAULT-VALUE}, the broker of ./galley up).")
        String bootstrapServers;

        @Option(names = "--topic", defaultValue = "${env:GALLEY_TOPIC_DEAD_LETTER:-" + Topics.DEAD_LETTER + "}",
                description = "The dead-letter topic (default: ${DEFAULT-VALUE}).")
        String topic;

        PrintStream out = System.out;

        @Override
        public Integer call() {
            List<ConsumerRecord<byte[], byte[]>> letters = list(bootstrapServers, topic);
            letters.forEach(letter -> out.println(DeadLetterLine.of(letter)));
            out.printf("%d dead letter%s in %s%n", letters.size(), letters.size() == 1 ? "" : "s", topic);
            return 0;
        }

        /** Every committed record of the topic, read without a consumer group (nothing is committed). */
        static List<ConsumerRecord<byte[], byte[]>> list(String bootstrapServers, String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "galley-dlq-list");
            try (KafkaConsumer<byte[], byte[]> consumer =
                         new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                    }
                    consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                }
                return letters;
            }
        }
    }
}
