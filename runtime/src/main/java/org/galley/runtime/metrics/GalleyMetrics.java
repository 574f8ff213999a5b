package org.galley.runtime.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Galley's business meters, named once here and recorded by the stages through the small API below. Each stage
 * makes one in its {@code create} (it lives as long as the service), hands it to its topology and, under
 * {@link #CONFIG}, to its Streams settings (the exception handlers find it there); the service binds it to the
 * registry its {@code /metrics} endpoint serves ({@link #bindTo}). Until then, and in a test that never binds it,
 * it records into nothing, so a topology needs no registry to run.
 *
 * <p>Meters (Prometheus names; docs/operations.md, "Metrics", says what to alert on):
 * <ul>
 *   <li>{@code galley_submitted_total}, {@code galley_accepted_total}: submissions ingest read (and those its HTTP
 *       door refused before they reached the topic), and accepted;</li>
 *   <li>{@code galley_rejected_total{reason}}: rejections ingest wrote, by the first reason's code;</li>
 *   <li>{@code galley_published_total}, {@code galley_unpublished_total}: revisions render put live or took down
 *       (re-sends of a revision whose links changed are not counted again);</li>
 *   <li>{@code galley_failed_total{stage,step}}: records a stage could not read, process or write <em>for now</em>
 *       (registry or broker unavailable); each is read again, never skipped;</li>
 *   <li>{@code galley_dead_lettered_total{stage,reason}}: records a stage gave up on and sent to the dead-letter
 *       topic;</li>
 *   <li>{@code galley_processing_seconds{stage,step}}: the time a stage's own work took per record;</li>
 *   <li>{@code galley_end_to_end_seconds}: from a revision's {@code submittedAt} to render publishing it, as a
 *       histogram with fixed buckets from 50 ms to 60 s;</li>
 *   <li>{@code galley_site_lag_records}, {@code galley_site_lag_seconds}: how far the site is behind on
 *       {@code articles.published} ({@link SiteLag}).</li>
 * </ul>
 * Counted where a Streams processor handles a record: after a crash, exactly-once replays the records since the
 * last commit, so the state stays exact but a meter may count them twice.
 */
public final class GalleyMetrics implements MeterBinder {

    /** The Streams property under which a stage's exception handlers find its {@code GalleyMetrics}. */
    public static final String CONFIG = "galley.metrics";

    public static final String SUBMITTED = "galley.submitted";
    public static final String ACCEPTED = "galley.accepted";
    public static final String REJECTED = "galley.rejected";
    public static final String PUBLISHED = "galley.published";
    public static final String UNPUBLISHED = "galley.unpublished";
    public static final String FAILED = "galley.failed";
    public static final String DEAD_LETTERED = "galley.dead.lettered";
    public static final String PROCESSING = "galley.processing";
    public static final String END_TO_END = "galley.end.to.end";

    /** The end-to-end histogram's buckets: p99 over 2 s is the alert, so buckets sit close around it. */
    static final Duration[] END_TO_END_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

    /** Meters that record into nothing until {@link #bindTo} gives them a registry. */
    public GalleyMetrics() {
    }

    /** Meters recorded straight into {@code registry} (tests pass a {@code SimpleMeterRegistry}). */
    public static GalleyMetrics in(MeterRegistry registry) {
        GalleyMetrics metrics = new GalleyMetrics();
        metrics.bindTo(registry);
        return metrics;
    }

    /** The stage's meters from its Streams settings; meters that record into nothing when there are none. */
    public static GalleyMetrics fromConfigs(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof GalleyMetrics metrics ? metrics : new GalleyMetrics();
    }

    /** From now on every meter (those made already and those to come) records into {@code registry} too. */
    @Override
    public void bindTo(MeterRegistry registry) {
        if (!meters.getRegistries().contains(registry)) {
            meters.add(registry);
        }
    }

    public void submitted() {
        counter(SUBMITTED, "Submissions ingest read from articles.submitted").increment();
    }

    public void accepted() {
        counter(ACCEPTED, "Submissions ingest accepted to articles.accepted").increment();
    }

    /** A rejection written to articles.rejected, under the code of its first reason. */
    public void rejected(String reasonCode) {
        Counter.builder(REJECTED).description("Rejections ingest wrote to articles.rejected, by the first reason's code")
                .tag("reason", reasonCode == null ? "unknown" : reasonCode).register(meters).increment();
    }

    public void published() {
        counter(PUBLISHED, "Revisions render published (re-sends for changed links not counted)").increment();
    }

    public void unpublished() {
        counter(UNPUBLISHED, "Revisions render took down").increment();
    }

    /** {@code step}: read, process or write; the record is read again. */
    public void failed(String stage, String step) {
        Counter.builder(FAILED).description("Records a stage could not handle for now (registry or broker down); read again")
                .tag("stage", stage).tag("step", step).register(meters).increment();
    }

    public void deadLettered(String stage, String reason) {
        Counter.builder(DEAD_LETTERED).description("Records a stage gave up on and sent to the dead-letter topic")
                .tag("stage", stage).tag("reason", reason).register(meters).increment();
    }

    /** The timer of one step of a stage's work (e.g. enrich's draft); time the work with {@link #time}. */
    public Timer processing(String stage, String step) {
        return Timer.builder(PROCESSING).description("Time a stage's own work took per record")
                .tag("stage", stage).tag("step", step).register(meters);
    }

    /** Runs {@code work}, timed by {@link #processing}{@code (stage, step)}, and returns its result. */
    public <T> T time(String stage, String step, Supplier<T> work) {
        return processing(stage, step).record(work);
    }

    /** A revision published {@code latency} after it was submitted; a negative one (clock skew) counts as zero. */
    public void endToEnd(Duration latency) {
        Timer.builder(END_TO_END).description("From a revision's submittedAt to render publishing it")
                .serviceLevelObjectives(END_TO_END_BUCKETS)
                .minimumExpectedValue(END_TO_END_BUCKETS[0])
                .maximumExpectedValue(END_TO_END_BUCKETS[END_TO_END_BUCKETS.length - 1])
                .register(meters).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
