package org.galley.bench.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.galley.enrich.EnrichApp;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.LoopbackPorts;
import org.galley.render.RenderApp;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.galley.site.SiteApp;

/**
 * Galley running for the replay and latency phases: ingest, enrich, render and the site, each its own child JVM
 * started with its production {@code main} ({@link StageProcesses}), on the benchmark's broker and registry, with
 * every topic created up front (3 partitions, as Galley creates them). Beside them, a reader of
 * {@code articles.published} (read_committed, as any consumer) notes when each article's first PUBLISH arrives;
 * it also reads {@code articles.rejected}, so a story ingest refuses fails the run at once, with its reasons,
 * instead of leaving it waiting.
 */
final class GalleyStages implements AutoCloseable {

    /** Each stage and the class its container runs. */
    static final Map<String, String> MAINS = mains();

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STALL = Duration.ofMinutes(2);
    static final int QUIET_SECONDS = 5;

    private final ServiceConfig config;
    private final Topics topics;
    private final StageProcesses processes;
    private final Map<String, String> rejections = new ConcurrentHashMap<>();
    private final PrintStream console;
    private ArrivalWatcher published;
    private Map<String, Double> peakHeapMb;

    private GalleyStages(BenchCluster cluster, StageProcesses processes, PrintStream console) {
        this.config = cluster.config();
        this.topics = Topics.fromConfig(config);
        this.processes = processes;
        this.console = console;
    }

    /** Starts every stage and waits until each reports healthy. */
    static GalleyStages start(BenchCluster cluster, Path workDir, PrintStream console) {
        TopicAdmin.ensure(cluster.config(), Topics.fromConfig(cluster.config()).all());
        GalleyStages galley = new GalleyStages(cluster, new StageProcesses(workDir.resolve("logs"), cluster.env()), console);
        try {
            MAINS.forEach((stage, main) -> galley.processes.start(stage, main, stageEnv(stage, workDir)));
            galley.processes.awaitHealthy(START_TIMEOUT);
            galley.published = ArrivalWatcher.start(cluster.bootstrapServers(),
                    List.of(galley.topics.published().name(), galley.topics.rejected().name()),
                    galley::outcome, "bench-published-reader");
            return galley;
        } catch (RuntimeException e) {
            galley.close();
            throw e;
        }
    }

    /** A producer as a newsroom tool would have: acks=all, idempotent, Avro through Galley's registry serde. */
    KafkaProducer<String, ArticleSubmitted> newsroomProducer() {
        return new KafkaProducer<>(config.producerProperties("galley-bench-newsroom"), new StringSerializer(),
                topics.submitted().valueSerde().serializer());
    }

    String submittedTopic() {
        return topics.submitted().name();
    }

    /** Waits until every article has been published (see {@link ArrivalWatcher#await}). */
    void awaitPublished(Collection<String> articleIds, String label) {
        published.await(articleIds, STALL, this::requireNoFailure, console, label);
    }

    /**
     * Every PUBLISH read so far, a story's repeats included (enrich sends a story again when a later-filed but
     * earlier-published one changes its related stories or ticker, and render publishes it again).
     */
    long publishEvents() {
        return published.events();
    }

    /**
     * Waits until {@code articles.published} has had nothing new for {@value #QUIET_SECONDS} s, so the next
     * phase starts on an idle pipeline; answers when its last PUBLISH came, or empty when it never went quiet
     * within {@code timeout}.
     */
    OptionalLong awaitQuiet(Duration timeout) {
        return published.awaitQuiet(Duration.ofSeconds(QUIET_SECONDS), timeout, this::requireNoFailure);
    }

    /** When each article's first PUBLISH was read, by {@link System#nanoTime()}. */
    long[] publishedAt(List<String> articleIds) {
        return published.arrivalTimes(articleIds);
    }

    /** Stops the stages (so their peaks are final) and answers each one's largest heap in use, in MiB. */
    Map<String, Double> stopAndReadPeakHeaps() {
        close();
        return peakHeapMb;
    }

    @Override
    public void close() {
        if (peakHeapMb != null) {
            return;
        }
        if (published != null) {
            published.close();
        }
        processes.close();
        peakHeapMb = processes.peakHeapMb();
    }

    private void requireNoFailure() {
        processes.requireAlive();
        if (!rejections.isEmpty()) {
            Map.Entry<String, String> first = rejections.entrySet().iterator().next();
            throw new IllegalStateException("ingest rejected " + rejections.size() + " stories, e.g. " + first.getKey()
                    + ": " + first.getValue());
        }
    }

    private String outcome(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(topics.rejected().name())) {
            ArticleRejected rejected = topics.rejected().valueSerde().deserializer().deserialize(record.topic(), record.value());
            rejections.put(String.valueOf(record.key()), String.valueOf(rejected.getReasons()));
            return null;
        }
        ArticlePublished event = topics.published().valueSerde().deserializer().deserialize(record.topic(), record.value());
        return event != null && event.getAction() == Action.PUBLISH ? event.getArticleId() : null;
    }

    private static Map<String, String> stageEnv(String stage, Path workDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GALLEY_STATE_DIR", workDir.resolve("state").resolve(stage).toAbsolutePath().toString());
        switch (stage) {
            case "ingest" -> {
                env.put("GALLEY_INGEST_HOST", "127.0.0.1");
                env.put("GALLEY_INGEST_PORT", Integer.toString(LoopbackPorts.free()));
            }
            case "site" -> {
                env.put("GALLEY_SITE_DIR", workDir.resolve("site").toAbsolutePath().toString());
                // A real web server or CDN would serve the folder; the benchmark only needs it written.
                env.put("GALLEY_SITE_SERVE", "false");
            }
            default -> {
            }
        }
        return env;
    }

    private static Map<String, String> mains() {
        Map<String, String> mains = new LinkedHashMap<>();
        mains.put("ingest", IngestApp.class.getName());
        mains.put("enrich", EnrichApp.class.getName());
        mains.put("render", RenderApp.class.getName());
        mains.put("site", SiteApp.class.getName());
        return Collections.unmodifiableMap(mains);
    }
}
