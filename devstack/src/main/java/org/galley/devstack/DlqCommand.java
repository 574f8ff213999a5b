package org.galley.devstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.galley.runtime.Topics;
import org.galley.runtime.errors.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./galley dlq}: what the stages gave up on, and why; and sending it back through after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class},
        description = "The dead-letter topic: each record a stage could not read, process or write, with its reason.")
final class DlqCommand {

    /** Which broker and which dead-letter topic. */
    static final class Where {

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka (default: ${DEFAULT-VALUE}, the broker of ./galley up).")
        String bootstrapServers;

        @Option(names = "--topic", defaultValue = "${env:GALLEY_TOPIC_DEAD_LETTER:-" + Topics.DEAD_LETTER + "}",
                description = "The dead-letter topic (default: ${DEFAULT-VALUE}).")
        String topic;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every dead letter, oldest first per partition: where it sits, the story, the stage,"
                    + " the reason, where it was read from and the exception.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        Where where = new Where();

        PrintStream out = System.out;

        @Override
        public Integer call() {
            List<ConsumerRecord<byte[], byte[]>> letters = list(where.bootstrapServers, where.topic);
            letters.forEach(letter -> out.println(DeadLetterLine.of(letter)));
            out.printf("%d dead letter%s in %s%n", letters.size(), letters.size() == 1 ? "" : "s", where.topic);
            return 0;
        }

        /** Every committed record of the topic, read without a consumer group (nothing is committed). */
        static List<ConsumerRecord<byte[], byte[]>> list(String bootstrapServers, String topic) {
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            TopicReader.readAll(bootstrapServers, topic, letters::add);
            return letters;
        }
    }

    /**
     * Sends chosen dead letters back to the topic they were read from, after a fix: key, value and headers as they
     * were, plus {@value #REPLAYED_FROM}. Only dead letters that hold the record as read can go back; one that
     * holds a stage's output (the broker refused it: {@code too-large}, {@code refused}) or lost its value is
     * skipped with the reason, and the story must be sent again by the newsroom.
     */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send chosen dead letters back to the topic they were read from, after a fix.")
    static final class ReplayCommand implements Callable<Integer> {

        static final String REPLAYED_FROM = "galley-replayed-from";

        @Mixin
        Where where = new Where();

        @Option(names = "--all", description = "Every dead letter that can go back.")
        boolean all;

        @Parameters(paramLabel = "PARTITION@OFFSET", arity = "0..*",
                description = "The dead letters to send back, as dlq list shows them (e.g. 1@12).")
        List<String> positions = new ArrayList<>();

        PrintStream out = System.out;

        @Override
        public Integer call() {
            if (!all && positions.isEmpty()) {
                out.println("Name the dead letters to send back (PARTITION@OFFSET, as dlq list shows them), or --all.");
                return 2;
            }
            List<ConsumerRecord<byte[], byte[]>> letters = ListCommand.list(where.bootstrapServers, where.topic);
            Set<String> chosen = new HashSet<>(positions);
            int sent = 0;
            int skipped = 0;
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, where.bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            try (KafkaProducer<byte[], byte[]> producer =
                         new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (ConsumerRecord<byte[], byte[]> letter : letters) {
                    String position = letter.partition() + "@" + letter.offset();
                    if (!all && !chosen.remove(position)) {
                        continue;
                    }
                    String whyNot = whyNotReplayable(letter);
                    if (whyNot != null) {
                        out.println("skipped   " + position + "  " + whyNot);
                        skipped++;
                        continue;
                    }
                    String origin = header(letter, DeadLetterLine.TOPIC);
                    ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(origin, null, letter.key(), letter.value(),
                            letter.headers());
                    again.headers().remove(REPLAYED_FROM)
                            .add(REPLAYED_FROM, (where.topic + "-" + position).getBytes(StandardCharsets.UTF_8));
                    try {
                        producer.send(again).get();
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not send " + position + " back to " + origin, e);
                    }
                    out.println("replayed  " + position + "  to " + origin);
                    sent++;
                }
            }
            chosen.forEach(position -> out.println("not found " + position + " in " + where.topic));
            out.printf("%d sent back, %d skipped%n", sent, skipped);
            return chosen.isEmpty() && skipped == 0 ? 0 : 2;
        }

        /** Null when the dead letter holds the record as a stage read it; else why it cannot go back. */
        static String whyNotReplayable(ConsumerRecord<byte[], byte[]> letter) {
            String reason = header(letter, DeadLetters.REASON_HEADER);
            if (DeadLetters.TOO_LARGE.equals(reason) || DeadLetters.REFUSED.equals(reason)) {
                return "holds a stage's output the broker refused (" + reason + "), not the record it read; send the story again";
            }
            if (letter.headers().lastHeader(DeadLetters.VALUE_DROPPED_HEADER) != null || letter.value() == null) {
                return "its value was not kept; send the story again";
            }
            if (header(letter, DeadLetterLine.TOPIC) == null) {
                return "it does not say which topic it was read from";
            }
            return null;
        }

        private static String header(ConsumerRecord<byte[], byte[]> letter, String name) {
            Header header = letter.headers().lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
