package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.galley.devstack.Ledger.Reconciliation;
import org.galley.enrich.EnrichApp;
import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
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
                submit(plan, sendFailures);
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

    /** Sends the plan at a steady pace, so the chaos rounds fall while stories are on their way. */
    private void submit(SubmissionPlan plan, List<Throwable> failures) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // The broker is away for a restart: sends wait for it rather than fail.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        Topics topics = Topics.fromConfig(new ServiceConfig(Map.of("SCHEMA_REGISTRY_URL", registry.url())));
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SubmissionPlan.Submission submission : plan.submissions()) {
                byte[] value = submission.story() == null ? submission.garbage()
                        : topics.submitted().valueSerde().serializer().serialize(Topics.SUBMITTED, submission.story());
                producer.send(new ProducerRecord<>(Topics.SUBMITTED, submission.key().getBytes(StandardCharsets.UTF_8),
                        value), (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    }
                });
                Thread.sleep(plan.pauseMillis());
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /** Reads the books until nothing is in flight, or until they can no longer balance. */
    private Reconciliation settle(Topics topics) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Reconciliation books = AuditCommand.audit(kafka.bootstrapServers(), topics);
        while (!books.balanced() && !books.broken() && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            books = AuditCommand.audit(kafka.bootstrapServers(), topics);
        }
        if (!books.balanced()) {
            stages.forEach(stage -> log.error("{} log:\n{}", stage.name(), stage.logTail()));
        }
        return books;
    }

    /**
     * What a newsroom sends in one run, and what must become of it: new stories, corrections, takedowns (each
     * published), repeats of a revision and submissions without a headline (rejected), and bytes that are no
     * submission at all (failed in ingest).
     */
    record SubmissionPlan(List<Submission> submissions, long published, long rejected, long garbage, long pauseMillis) {

        record Submission(String key, ArticleSubmitted story, byte[] garbage) {
        }

        private static final String[] TOPICS = {"Kafka", "Elections", "Climate", "Markets", "Football", "Health",
                "Courts", "Transport"};

        int size() {
            return submissions.size();
        }

        static SubmissionPlan of(int count, Random random) {
            List<Submission> submissions = new ArrayList<>();
            List<ArticleSubmitted> live = new ArrayList<>();
            long published = 0;
            long rejected = 0;
            long garbage = 0;
            for (int i = 0; i < count; i++) {
                int roll = random.nextInt(100);
                if (roll < 6 && !live.isEmpty()) {
                    // A correction: the next revision of a live story.
                    ArticleSubmitted last = live.remove(random.nextInt(live.size()));
                    ArticleSubmitted correction = revisionOf(last).setRevision(last.getRevision() + 1)
                            .setHeadline(last.getHeadline() + ", corrected").setSubmittedAt(Instant.now()).build();
                    live.add(correction);
                    submissions.add(new Submission(correction.getArticleId(), correction, null));
                    published++;
                } else if (roll < 9 && !live.isEmpty()) {
                    // A takedown, after which nothing more is sent for the story.
                    ArticleSubmitted last = live.remove(random.nextInt(live.size()));
                    ArticleSubmitted takedown = revisionOf(last).setRevision(last.getRevision() + 1)
                            .setAction(Action.UNPUBLISH).setSubmittedAt(Instant.now()).build();
                    submissions.add(new Submission(takedown.getArticleId(), takedown, null));
                    published++;
                } else if (roll < 12 && !live.isEmpty()) {
                    // The same revision again: a newsroom tool retrying.
                    ArticleSubmitted again = live.get(random.nextInt(live.size()));
                    submissions.add(new Submission(again.getArticleId(), again, null));
                    rejected++;
                } else if (roll < 15) {
                    ArticleSubmitted headless = story(i, random).setHeadline(" ").build();
                    submissions.add(new Submission(headless.getArticleId(), headless, null));
                    rejected++;
                } else if (roll < 17) {
                    byte[] bytes = new byte[1 + random.nextInt(64)];
                    random.nextBytes(bytes);
                    // Not Confluent's magic byte: garbage must never happen to name a registered schema.
                    bytes[0] = 'x';
                    submissions.add(new Submission("garbage-" + i, null, bytes));
                    garbage++;
                } else {
                    ArticleSubmitted story = story(i, random).build();
                    live.add(story);
                    submissions.add(new Submission(story.getArticleId(), story, null));
                    published++;
                }
            }
            // Spread over about 40 s, whatever the size, so several chaos rounds fall within the flow.
            return new SubmissionPlan(submissions, published, rejected, garbage, Math.max(5, 40_000 / count));
        }

        /** A builder holding the story as sent (Avro's copying builder refuses enum classes it does not trust). */
        private static ArticleSubmitted.Builder revisionOf(ArticleSubmitted story) {
            return ArticleSubmitted.newBuilder()
                    .setArticleId(story.getArticleId()).setRevision(story.getRevision()).setAction(story.getAction())
                    .setHeadline(story.getHeadline()).setDek(story.getDek()).setByline(story.getByline())
                    .setCategory(story.getCategory()).setBodyMarkdown(story.getBodyMarkdown())
                    .setTags(story.getTags()).setPublishedAt(story.getPublishedAt())
                    .setSubmittedAt(story.getSubmittedAt()).setSource(story.getSource());
        }

        private static ArticleSubmitted.Builder story(int i, Random random) {
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String other = TOPICS[random.nextInt(TOPICS.length)];
            return ArticleSubmitted.newBuilder()
                    .setArticleId(String.format("chaos-%05d", i)).setRevision(1).setAction(Action.PUBLISH)
                    .setHeadline(topic + " desk, story " + i + ": what changed today")
                    .setDek("The " + topic.toLowerCase() + " desk on what moved, and why it matters.")
                    .setByline("Chaos Desk").setCategory(topic)
                    .setBodyMarkdown(("Reporting on " + topic + " and " + other + " continued today. ").repeat(20)
                            + "\n\n## What comes next\n\n" + ("The " + other + " desk will follow up. ").repeat(10))
                    .setTags(List.of(topic, other))
                    .setPublishedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i))
                    .setSubmittedAt(Instant.now()).setSource("chaos-it");
        }
    }
}
