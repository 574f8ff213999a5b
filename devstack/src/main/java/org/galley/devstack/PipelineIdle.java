package org.galley.devstack;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.galley.enrich.EnrichApp;
import org.galley.ingest.IngestApp;
import org.galley.render.RenderApp;
import org.galley.runtime.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when the pipeline has nothing left to do, so the site it wrote is final: every reader (each stage's
 * consumer group, and the site's) has committed offsets up to the end of every partition it reads, and neither
 * those offsets nor the ends moved between two looks a moment apart. Reads only offsets, with an
 * {@link Admin}: committed ones (waiting out offsets still inside an open transaction) and the ends that
 * read_committed consumers see.
 *
 * <p>Why "every story has an outcome" is not enough: enrich re-enriches a story when an earlier-dated one
 * arrives after it, and render publishes it again with the same revision, so the site can change after the
 * last outcome came in.
 *
 * <p>Each reader names the topic it exists to read; the others it reads (ingest's status feeds, enrich's
 * internal repartition topic) are found from the offsets it has committed. That is enough once every story
 * has had an outcome, as each of those topics has then been read from. The site's group commits how far it
 * has written the site and announced the changes ({@code articles.published} only).
 */
final class PipelineIdle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PipelineIdle.class);
    private static final Duration BETWEEN_LOOKS = Duration.ofMillis(200);

    /** A consumer group and the topics it must have read to the end. */
    record Reader(String groupId, Set<String> topics) {
    }

    /** One look at the pipeline: each reader's committed offset on every partition it reads (0 for none), and the ends. */
    record Look(Map<String, Map<TopicPartition, Long>> committed, Map<TopicPartition, Long> ends) {

        boolean caughtUp() {
            return behind().isEmpty();
        }

        /** Readers and partitions not yet read to the end, e.g. {@code galley-enrich articles.accepted-0 at 3 of 7}. */
        List<String> behind() {
            return committed.entrySet().stream()
                    .flatMap(group -> group.getValue().entrySet().stream()
                            .filter(read -> !readToEnd(read.getValue(), ends.getOrDefault(read.getKey(), 0L)))
                            .map(read -> group.getKey() + " " + read.getKey() + " at " + read.getValue()
                                    + " of " + ends.getOrDefault(read.getKey(), 0L)))
                    .toList();
        }
    }

    /**
     * Whether a reader committed up to {@code end}. An exactly-once writer ends each transaction with a commit
     * marker that takes an offset but is never delivered, so a reader may stop one short of the end; never
     * when the partition holds a single offset, which must then be a record.
     */
    static boolean readToEnd(long committed, long end) {
        return committed >= end || (end > 1 && committed == end - 1);
    }

    private final Admin admin;
    private final List<Reader> readers;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    PipelineIdle(Admin admin, List<Reader> readers) {
        this.admin = admin;
        this.readers = List.copyOf(readers);
    }

    /** The readers of the local stack: ingest, enrich, render and the site. */
    static PipelineIdle forStack(LocalStack stack) {
        Topics topics = Topics.fromConfig(stack.config());
        // SiteApp's group: GALLEY_SITE_GROUP_ID, by default galley-site.
        String siteGroup = stack.config().get("GALLEY_SITE_GROUP_ID", "galley-site");
        return new PipelineIdle(Admin.create(stack.config().kafkaProperties()), List.of(
                new Reader(IngestApp.APPLICATION_ID, Set.of(topics.submitted().name())),
                new Reader(EnrichApp.APPLICATION_ID, Set.of(topics.accepted().name())),
                new Reader(RenderApp.APPLICATION_ID, Set.of(topics.enriched().name())),
                new Reader(siteGroup, Set.of(topics.published().name()))));
    }

    /** Waits until two looks in a row find every reader at the end and nothing moved; false after {@code timeout}. */
    boolean await(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Look previous = null;
        for (int looks = 1; ; looks++) {
            Look look = look();
            if (look.caughtUp() && look.equals(previous)) {
                log.info("The pipeline is idle ({} looks in {} ms)", looks, (System.nanoTime() - start) / 1_000_000);
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                log.warn("The pipeline did not settle within {}: {}", timeout,
                        look.caughtUp() ? "its offsets still move" : String.join(", ", look.behind()));
                return false;
            }
            previous = look;
            Thread.sleep(BETWEEN_LOOKS.toMillis());
        }
    }

    Look look() throws InterruptedException {
        try {
            Map<String, ListConsumerGroupOffsetsSpec> groups = readers.stream()
                    .collect(Collectors.toMap(Reader::groupId, reader -> new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = admin.listConsumerGroupOffsets(groups,
                    new ListConsumerGroupOffsetsOptions().requireStable(true)).all().get();
            Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
            Set<TopicPartition> all = new HashSet<>();
            for (Reader reader : readers) {
                Map<TopicPartition, OffsetAndMetadata> byGroup = offsets.getOrDefault(reader.groupId(), Map.of());
                Set<String> topics = new HashSet<>(reader.topics());
                byGroup.keySet().forEach(partition -> topics.add(partition.topic()));
                Map<TopicPartition, Long> reads = new HashMap<>();
                for (TopicPartition partition : partitionsOf(topics)) {
                    OffsetAndMetadata offset = byGroup.get(partition);
                    reads.put(partition, offset == null ? 0L : offset.offset());
                }
                committed.put(reader.groupId(), reads);
                all.addAll(reads.keySet());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(all.stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return new Look(committed, ends);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the pipeline's offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) throws InterruptedException, ExecutionException {
        List<String> unknown = topics.stream().filter(topic -> !partitions.containsKey(topic)).toList();
        if (!unknown.isEmpty()) {
            for (TopicDescription topic : admin.describeTopics(unknown).allTopicNames().get().values()) {
                partitions.put(topic.name(), topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())).toList());
            }
        }
        return topics.stream().flatMap(topic -> partitions.get(topic).stream()).toList();
    }

    @Override
    public void close() {
        admin.close();
    }
}
