package org.galley.bench.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their start as a downstream consumer does ({@code read_committed}: only what the stages
 * committed) and notes, by this JVM's {@link System#nanoTime()}, when each key first arrived. A {@link Classifier}
 * says which records count as an arrival (a PUBLISH, say) and under which key. It also counts every arrival,
 * repeats included, and knows when the last one came, so a caller can wait for a pipeline to go quiet.
 */
final class ArrivalWatcher implements AutoCloseable {

    /** Which key a record is the arrival of; null when the record does not count. */
    @FunctionalInterface
    interface Classifier {
        String arrivalOf(ConsumerRecord<String, byte[]> record);
    }

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Classifier classifier;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong events = new AtomicLong();
    private volatile long lastEventAt = System.nanoTime();
    private final Thread thread;
    private volatile boolean closing;

    private ArrivalWatcher(KafkaConsumer<String, byte[]> consumer, Classifier classifier, String name) {
        this.consumer = consumer;
        this.classifier = classifier;
        this.thread = new Thread(this::poll, name);
        thread.setDaemon(true);
    }

    /** Starts reading every partition of {@code topics} (which must exist) from the beginning. */
    static ArrivalWatcher start(String bootstrapServers, List<String> topics, Classifier classifier, String name) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        ArrivalWatcher watcher = new ArrivalWatcher(consumer, classifier, name);
        watcher.thread.start();
        return watcher;
    }

    /** How many of {@code keys} have arrived. */
    int arrived(Collection<String> keys) {
        int count = 0;
        for (String key : keys) {
            if (arrivals.containsKey(key)) {
                count++;
            }
        }
        return count;
    }

    /** When each key arrived, in the order given; every one must have. */
    long[] arrivalTimes(List<String> keys) {
        long[] times = new long[keys.size()];
        for (int i = 0; i < times.length; i++) {
            Long time = arrivals.get(keys.get(i));
            if (time == null) {
                throw new IllegalStateException(keys.get(i) + " has not arrived");
            }
            times[i] = time;
        }
        return times;
    }

    /**
     * Waits until every key has arrived, saying how far it got every 10 s. Fails when none arrives for
     * {@code stall} (so a stuck pipeline fails the run instead of hanging it), when reading failed, or when
     * {@code check} throws (a stage died, a story was rejected).
     */
    void await(Collection<String> keys, Duration stall, Runnable check, PrintStream console, String label) {
        long began = System.nanoTime();
        long lastReport = began;
        long lastProgress = began;
        int last = -1;
        while (true) {
            RuntimeException failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("Reading arrivals failed: " + failed.getMessage(), failed);
            }
            check.run();
            int arrived = arrived(keys);
            long now = System.nanoTime();
            if (arrived == keys.size()) {
                return;
            }
            if (arrived != last) {
                last = arrived;
                lastProgress = now;
            } else if (now - lastProgress > stall.toNanos()) {
                throw new IllegalStateException(label + ": only " + arrived + " of " + keys.size()
                        + " arrived, and none in the last " + stall.toSeconds() + " s");
            }
            if (now - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = now;
                console.printf("  %s: %,d of %,d (%.0f s)%n", label, arrived, keys.size(), (now - began) / 1e9);
            }
            sleepBriefly(label);
        }
    }

    private static void sleepBriefly(String waitingFor) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + waitingFor, e);
        }
    }

    /** Every arrival so far, a key's repeats included. */
    long events() {
        return events.get();
    }

    /**
     * Waits until nothing has arrived for {@code quiet}; answers when the last arrival came, or empty when the
     * arrivals had not stopped within {@code timeout}.
     */
    OptionalLong awaitQuiet(Duration quiet, Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RuntimeException failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("Reading arrivals failed: " + failed.getMessage(), failed);
            }
            check.run();
            long last = lastEventAt;
            if (System.nanoTime() - last >= quiet.toNanos()) {
                return OptionalLong.of(last);
            }
            sleepBriefly("quiet");
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                // Every record of one poll arrived at the same moment: when the poll returned them.
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    String key = classifier.arrivalOf(record);
                    if (key != null) {
                        arrivals.putIfAbsent(key, now);
                        events.incrementAndGet();
                        lastEventAt = now;
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                failure.set(e);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close();
        }
    }
}
