package org.galley.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
 * stories have still to reach the index, drafted or not; and from the offsets enrich's group has committed (on
 * the input, and on the index step's own input) it tells which partitions have nothing more on its way at all.
 *
 * <p>Empty until the first look-up succeeds, and again after one fails: the index step then waits the plain
 * archive gather, as it would without it.
 */
final class InputEnds implements GalleyService {

    /**
     * What the index step asks.
     *
     * @param ends    each input partition's stable end offset; empty when unknown
     * @param settled the input partitions enrich has drafted to the end and whose drafts the index step has all
     *                read (by the offsets enrich has committed): nothing more is on its way from them, whatever
     *                the index last read from each (a record the draft step dead-lettered sends no draft)
     */
    record Snapshot(Map<Integer, Long> ends, Set<Integer> settled) {

        static final Snapshot UNKNOWN = new Snapshot(Map.of(), Set.of());
    }

    /** What the index step asks, when it asks. */
    @FunctionalInterface
    interface Reader {
        Snapshot snapshot();
    }

    /** Nothing known: for tests of the rules, and a topology built without a broker. */
    static final Reader UNKNOWN = () -> Snapshot.UNKNOWN;

    static final long EVERY_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(InputEnds.class);

    private final ServiceConfig config;
    private final String topic;
    private final String groupId;
    private final TopicPartition indexInput;
    private volatile Snapshot latest = Snapshot.UNKNOWN;
    /** The topic's partitions, found once (only the look-up thread touches it). */
    private List<TopicPartition> partitions = List.of();
    private Admin admin;
    private ScheduledExecutorService looks;

    /**
     * @param topic      enrich's input
     * @param groupId    enrich's application id: its group commits how far the draft and index steps have read
     * @param indexInput the index step's input topic (one partition)
     */
    InputEnds(ServiceConfig config, String topic, String groupId, String indexInput) {
        this.config = config;
        this.topic = topic;
        this.groupId = groupId;
        this.indexInput = new TopicPartition(indexInput, 0);
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
                // Both topics must exist before their offsets are asked for: the admin client logs an unknown
                // topic as an error, and Streams creates the index's input only once it has started.
                partitions = admin.describeTopics(List.of(topic, indexInput.topic())).allTopicNames().get().get(topic)
                        .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> all = new ArrayList<>(partitions);
            all.add(indexInput);
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(all.stream().collect(Collectors.toMap(partition -> partition,
                            partition -> OffsetSpec.latest())), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            boolean indexReadAll = readToEnd(committed.get(indexInput), ends.getOrDefault(indexInput, 0L));
            Map<Integer, Long> inputEnds = new HashMap<>();
            Set<Integer> settled = new HashSet<>();
            for (TopicPartition partition : partitions) {
                long end = ends.getOrDefault(partition, 0L);
                inputEnds.put(partition.partition(), end);
                if (indexReadAll && readToEnd(committed.get(partition), end)) {
                    settled.add(partition.partition());
                }
            }
            latest = new Snapshot(Map.copyOf(inputEnds), Set.copyOf(settled));
        } catch (ExecutionException | RuntimeException e) {
            latest = Snapshot.UNKNOWN;
            log.debug("Could not look up where the input ends; archive drafts wait the plain gather: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Read to the end: at it, or one short of it (a read_committed end counts the last commit marker). */
    static boolean readToEnd(OffsetAndMetadata committed, long end) {
        long read = committed == null ? 0 : committed.offset();
        return end - read <= 1;
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
