package org.galley.bench.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;

/**
 * The ceiling: records per second the one broker carries through a chain of three Kafka Streams applications
 * that do nothing ({@code t0 -> t1 -> t2 -> t3}), each run like a Galley stage (its own JVM, exactly_once_v2,
 * Galley's streams settings), with records as big as Galley's median submitted story. All records are sent at
 * once; the rate runs from the first send to the last record read (read_committed) from {@code t3}. Galley's
 * replay has the same shape with real work in each stage, so the ratio of the two is what that work costs.
 */
final class CeilingChain {

    static final List<String> TOPICS = List.of("bench.ceiling.t0", "bench.ceiling.t1", "bench.ceiling.t2", "bench.ceiling.t3");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STALL = Duration.ofMinutes(2);

    private CeilingChain() {
    }

    /** Records per second through the chain, for {@code records} records of {@code recordBytes} bytes each. */
    static double run(BenchCluster cluster, int records, int recordBytes, Path workDir, PrintStream console) {
        ServiceConfig config = cluster.config();
        List<Topic<byte[], byte[]>> topics = TOPICS.stream().map(PassThroughApp::bytes).toList();
        List<Topic<?, ?>> created = new ArrayList<>(topics);
        created.add(Topics.fromConfig(config).deadLetter());
        TopicAdmin.ensure(config, created);
        try (StageProcesses stages = new StageProcesses(workDir.resolve("logs"), cluster.env())) {
            for (int i = 1; i < TOPICS.size(); i++) {
                String name = "ceiling-" + i;
                stages.start(name, PassThroughApp.class.getName(), Map.of(
                        "GALLEY_BENCH_FROM", TOPICS.get(i - 1),
                        "GALLEY_BENCH_TO", TOPICS.get(i),
                        "GALLEY_BENCH_APPLICATION_ID", "galley-bench-" + name,
                        "GALLEY_STATE_DIR", workDir.resolve("state").resolve(name).toString()));
            }
            stages.awaitHealthy(START_TIMEOUT);
            try (ArrivalWatcher watcher = ArrivalWatcher.start(cluster.bootstrapServers(),
                    List.of(TOPICS.get(TOPICS.size() - 1)), ConsumerRecord::key, "bench-ceiling-reader")) {
                List<String> keys = new ArrayList<>(records);
                for (int i = 0; i < records; i++) {
                    keys.add("record-" + i);
                }
                long start = send(config, keys, payload(recordBytes));
                watcher.await(keys, STALL, stages::requireAlive, console, "ceiling");
                return Rates.overall(start, watcher.arrivalTimes(keys));
            }
        }
    }

    /** Sends every record without waiting between them; answers when the first was sent. */
    private static long send(ServiceConfig config, List<String> keys, byte[] payload) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.producerProperties("galley-bench-ceiling"),
                new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (String key : keys) {
                producer.send(new ProducerRecord<>(TOPICS.get(0), key, payload), (metadata, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failed.get() != null) {
                throw new IllegalStateException("Sending to the ceiling chain failed", failed.get());
            }
            return start;
        }
    }

    /** Bytes that do not compress, so the record is as big on the wire as it says. */
    static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }
}
