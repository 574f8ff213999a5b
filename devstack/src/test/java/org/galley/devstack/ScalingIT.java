package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.galley.devstack.Ledger.Reconciliation;
import org.galley.enrich.EnrichApp;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.InProcessKafka;
import org.galley.localkafka.InProcessKafkaCluster;
import org.galley.localkafka.KafkaCluster;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling, shown. The same newsroom mix ({@link SubmissionPlan}) goes through Galley twice: once with one instance of
 * each stage on a single broker, once with two ingest, three enrich and two render instances on a cluster of three
 * brokers and a separate controller, with six partitions and three replicas; mid-stream one instance of each stage
 * stops and another starts in its place. The scaled run publishes every story exactly once (the audit's books
 * balance, nothing twice), and each story ends with the same page as in the single-instance run.
 */
class ScalingIT {

    private static final Logger log = LoggerFactory.getLogger(ScalingIT.class);
    private static final int SUBMISSIONS = 120;
    private static final Duration SENDING = Duration.ofSeconds(16);
    private static final Duration HEALTHY = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final Duration QUIET = Duration.ofSeconds(3);

    /** How many instances of each stage a run starts, in the order they are started. */
    private record Shape(int ingest, int enrich, int render, boolean swapMidStream) {
    }

    private record Stage(String name, Function<ServiceConfig, GalleyService> create) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("ingest", IngestApp::create), new Stage("enrich", EnrichApp::create),
            new Stage("render", RenderApp::create));

    @TempDir
    Path workDir;

    @Test
    void severalInstancesOnThreeBrokersPublishEachStoryOnceWithTheSamePagesAsOneInstance() throws Exception {
        SubmissionPlan plan = SubmissionPlan.of(SUBMISSIONS, new Random(6));

        Map<String, String> single;
        try (KafkaCluster kafka = InProcessKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            single = run(kafka, registry, plan, new Shape(1, 1, 1, false), workDir.resolve("single"), 1);
        }
        Map<String, String> scaled;
        try (KafkaCluster cluster = InProcessKafkaCluster.start(3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            scaled = run(cluster, registry, plan, new Shape(2, 3, 2, true), workDir.resolve("scaled"), 3);
        }

        assertThat(scaled).as("each story's final page").hasSameSizeAs(single).isEqualTo(single);
    }

    /** Runs the plan through a pipeline of the given shape; answers each story's final page (or its takedown). */
    private Map<String, String> run(KafkaCluster kafka, EmbeddedSchemaRegistry registry, SubmissionPlan plan, Shape shape,
                                    Path dir, int replication) throws Exception {
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_TOPIC_PARTITIONS", "6",
                "GALLEY_TOPIC_REPLICATION", Integer.toString(replication),
                "GALLEY_INGEST_HOST", "127.0.0.1",
                "GALLEY_INGEST_PORT", "0",
                "GALLEY_SITE_BASE_URL", "https://news.example");
        ServiceConfig config = new ServiceConfig(env);
        Topics topics = Topics.fromConfig(config);
        TopicAdmin.ensure(config, topics.all());
        Map<String, List<GalleyService>> running = new HashMap<>();
        int[] counts = {shape.ingest(), shape.enrich(), shape.render()};
        int started = 0;
        try {
            for (int s = 0; s < STAGES.size(); s++) {
                for (int i = 0; i < counts[s]; i++) {
                    start(STAGES.get(s), config, dir.resolve("state-" + started++), running);
                }
            }
            awaitHealthy(running);

            List<Throwable> sendFailures = new CopyOnWriteArrayList<>();
            Thread newsroom = new Thread(() -> SubmissionPlan.send(kafka.bootstrapServers(), registry.url(), plan,
                    SENDING, sendFailures), "newsroom");
            newsroom.start();
            if (shape.swapMidStream()) {
                Thread.sleep(SENDING.toMillis() / 2);
                for (Stage stage : STAGES) {
                    GalleyService leaving = running.get(stage.name()).remove(0);
                    log.info("Stopping one {} instance and starting another", stage.name());
                    leaving.close();
                    start(stage, config, dir.resolve("state-" + started++), running);
                }
                awaitHealthy(running);
            }
            newsroom.join();
            assertThat(sendFailures).as("the newsroom's sends").isEmpty();

            Reconciliation books = settle(kafka, topics);
            log.info("{} run:\n{}", shape, AuditCommand.report(books, topics));
            assertThat(books.duplicates()).as("events seen twice: %s", books.duplicated()).isZero();
            assertThat(books.published()).as("(story, revision) published").isEqualTo(plan.published());
            assertThat(books.rejected()).as("rejected").isEqualTo(plan.rejected());
            assertThat(books.failed()).as("failed").isEqualTo(plan.garbage());
            assertThat(books.balanced()).isTrue();
            return finalPages(kafka.bootstrapServers(), topics);
        } finally {
            running.values().forEach(instances -> instances.forEach(GalleyService::close));
        }
    }

    private static void start(Stage stage, ServiceConfig config, Path stateDir, Map<String, List<GalleyService>> running) {
        GalleyService service = stage.create().apply(config.with(Map.of("GALLEY_STATE_DIR", stateDir.toString())));
        service.start();
        running.computeIfAbsent(stage.name(), name -> new ArrayList<>()).add(service);
    }

    private static void awaitHealthy(Map<String, List<GalleyService>> running) {
        running.values().forEach(instances -> instances.forEach(service ->
                assertThat(service.awaitHealthy(HEALTHY)).as(service.name() + " healthy").isTrue()));
    }

    /** Reads the books until nothing is in flight and articles.published has stopped growing (relinks included). */
    private static Reconciliation settle(KafkaCluster kafka, Topics topics) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        AuditCommand.settle(kafka.bootstrapServers(), topics, SETTLE);
        long quietSince = System.nanoTime();
        long ends = publishedEnds(kafka, topics);
        while (System.nanoTime() - quietSince < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = publishedEnds(kafka, topics);
            if (now != ends) {
                ends = now;
                quietSince = System.nanoTime();
            }
        }
        return AuditCommand.audit(kafka.bootstrapServers(), topics);
    }

    private static long publishedEnds(KafkaCluster kafka, Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            String topic = topics.published().name();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /** Each story's last event on articles.published: its page's content hash, or that it was taken down. */
    private static Map<String, String> finalPages(String bootstrapServers, Topics topics) {
        Map<String, String> pages = new TreeMap<>();
        TopicReader.readAll(bootstrapServers, topics.published().name(), record -> {
            ArticlePublished event = topics.published().valueSerde().deserializer()
                    .deserialize(topics.published().name(), record.value());
            pages.put(event.getArticleId(), event.getAction() == Action.UNPUBLISH ? "taken down at " + event.getPath()
                    : event.getPage().getContentHash() + " " + event.getPath());
        });
        return pages;
    }
}
