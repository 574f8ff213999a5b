package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.galley.devstack.Ledger.Reconciliation;
import org.galley.enrich.EnrichApp;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.InProcessKafka;
import org.galley.localkafka.LoopbackPorts;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once, shown. Stories, corrections, takedowns, repeats, invalid submissions and garbage bytes flow into
 * {@code articles.submitted} while ingest, enrich and render, each a JVM of its own, are killed (SIGKILL) and
 * started again in turn, and the broker is restarted once. Afterwards a read_committed reading of the topics
 * ({@code ./galley audit}'s {@link Ledger}) finds every (story, revision) published once and never twice, and
 * submitted = published + rejected + failed, each as planned.
 *
 * <p>CI runs {@value #CI_SUBMISSIONS} submissions; {@code -Dgalley.chaos.submissions=2000} runs the full size
 * (docs/reliability.md).
 */
class ExactlyOnceChaosIT {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceChaosIT.class);
    private static final int CI_SUBMISSIONS = 300;
    private static final Duration HEALTHY = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofMinutes(5);
    /** The newsroom sends over about this long, whatever the size, so several chaos rounds fall within the flow. */
    private static final Duration CHAOS_WINDOW = Duration.ofSeconds(40);

    @TempDir
    Path workDir;

    private InProcessKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private final List<StageProcess> stages = new ArrayList<>();

    @Test
    void killedStagesAndARestartedBrokerNeitherLoseNorDuplicateAStory() throws Exception {
        int submissions = Integer.getInteger("galley.chaos.submissions", CI_SUBMISSIONS);
        int port = LoopbackPorts.free();
        Path logDir = workDir.resolve("kafka");
        kafka = InProcessKafka.start(port, logDir);
        registry = EmbeddedSchemaRegistry.start(0);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_INGEST_HOST", "127.0.0.1",
                "GALLEY_INGEST_PORT", "0",
                "GALLEY_SITE_BASE_URL", "https://news.example",
                // A killed member never says goodbye: its partitions wait out its session before they move.
                "KAFKA_SESSION_TIMEOUT_MS", "6000",
                "KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
        ServiceConfig config = new ServiceConfig(env);
        Topics topics = Topics.fromConfig(config);
        TopicAdmin.ensure(config, topics.all());
        stages.add(new StageProcess("ingest", IngestApp.class.getName(), env, workDir));
        stages.add(new StageProcess("enrich", EnrichApp.class.getName(), env, workDir));
        stages.add(new StageProcess("render", RenderApp.class.getName(), env, workDir));
        stages.forEach(StageProcess::start);
        for (StageProcess stage : stages) {
            stage.awaitHealthy(HEALTHY);
        }

        SubmissionPlan plan = SubmissionPlan.of(submissions, new Random(20261201));
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Throwable> sendFailures = new CopyOnWriteArrayList<>();
        Thread newsroom = new Thread(() -> {
            try {
                SubmissionPlan.send(kafka.bootstrapServers(), registry.url(), plan, CHAOS_WINDOW, sendFailures);
            } finally {
                sending.set(false);
            }
        }, "newsroom");
        newsroom.start();

        int round = 0;
        boolean brokerRestarted = false;
        do {
            StageProcess victim = stages.get(round % stages.size());
            Thread.sleep(2_000);
            log.info("Chaos round {}: halting {}", round, victim.name());
            victim.halt();
            Thread.sleep(500);
            victim.start();
            if (round == 1) {
                log.info("Chaos round {}: restarting the broker", round);
                kafka.close();
                kafka = InProcessKafka.start(port, logDir);
                brokerRestarted = true;
            }
            victim.awaitHealthy(HEALTHY);
            round++;
        } while (sending.get() || round < stages.size() + 1);
        newsroom.join();
        assertThat(sendFailures).as("the newsroom's sends").isEmpty();

        Reconciliation books = settle(topics);
        log.info("Chaos done after {} rounds:\n{}", round, AuditCommand.report(books, topics));
        assertThat(brokerRestarted).isTrue();
        assertThat(stages).allSatisfy(stage -> assertThat(stage.starts()).as(stage.name() + " starts").isGreaterThan(1));
        assertThat(books.duplicates()).as("events seen twice: %s", books.duplicated()).isZero();
        assertThat(books.submitted()).isEqualTo(plan.size());
        assertThat(books.published()).as("(story, revision) published").isEqualTo(plan.published());
        assertThat(books.rejected()).as("rejected").isEqualTo(plan.rejected());
        assertThat(books.failed()).as("failed").isEqualTo(plan.garbage());
        assertThat(books.failedByStage()).containsOnlyKeys("ingest");
        assertThat(books.balanced()).isTrue();
        assertThat(stages).allSatisfy(stage -> assertThat(stage.isAlive()).as(stage.name() + " running").isTrue());
    }

    @AfterEach
    void stop() {
        stages.forEach(StageProcess::close);
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Reads the books until nothing is in flight, or until they can no longer balance. */
    private Reconciliation settle(Topics topics) throws InterruptedException {
        Reconciliation books = AuditCommand.settle(kafka.bootstrapServers(), topics, SETTLE);
        if (!books.balanced()) {
            stages.forEach(stage -> log.error("{} log:\n{}", stage.name(), stage.logTail()));
        }
        return books;
    }
}
