package org.galley.enrich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each partition of enrich's input ends, as the story-index step needs to know (see
 * {@link WaitingDrafts#isDue}): the stable end offset (read_committed) of each {@code articles.accepted}
 * partition, looked up with an {@link Admin} every {@value #EVERY_MS} ms on a thread of its own, so the stream
 * thread never waits for it. It covers every partition, whichever enrich instance drafts it. Against the source
 * offset of the latest draft the index step has read from a partition, it says how many of that partition's
 * stories have still to reach the index, drafted or not.
 *
 * <p>Empty until the first look-up succeeds, and again after one fails: the index step then waits the plain
 * archive gather, as it would without it.
 */
final class InputEnds implements GalleyService {

    /** What the index step asks: each input partition's stable end offset; empty when unknown. */
    @FunctionalInterface
    interface Reader {
        Map<Integer, Long> ends();
    }

    /** Nothing known: for tests of the rules, and a topology built without a broker. */
    static final Reader UNKNOWN = Map::of;

    static final long EVERY_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(InputEnds.class);

    private final ServiceConfig config;
    private final String topic;
    private volatile Map<Integer, Long> latest = Map.of();
    /** The topic's partitions, found once (only the look-up thread touches it). */
    private List<TopicPartition> partitions = List.of();
    private Admin admin;
    private ScheduledExecutorService looks;

    InputEnds(ServiceConfig config, String topic) {
        this.config = config;
        this.topic = topic;
    }

    Reader reader() {
        return () -> latest;
    }

    @Override
    public String name() {
        return "enrich-input-ends";
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(config.kafkaProperties());
        looks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "galley-enrich-input-ends");
            thread.setDaemon(true);
            return thread;
        });
        looks.scheduleWithFixedDelay(this::look, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void look() {
        try {
            if (partitions.isEmpty()) {
                partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                            partition -> OffsetSpec.latest())), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get()
                    .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            latest = Map.copyOf(ends);
        } catch (ExecutionException | RuntimeException e) {
            latest = Map.of();
            log.debug("Could not look up where the input ends; archive drafts wait the plain gather: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
    }

    @Override
    public synchronized void close() {
        if (looks != null) {
            looks.shutdownNow();
        }
        if (admin != null) {
            admin.close();
        }
    }
}
