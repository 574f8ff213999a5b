package org.galley.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** What each recording call moves, and the names Prometheus sees (the rules and the dashboard depend on them). */
class GalleyMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GalleyMetrics metrics = GalleyMetrics.in(registry);

    @Test
    void eachOutcomeMovesItsOwnCounterAndRejectionsAreCountedByReason() {
        metrics.submitted();
        metrics.submitted();
        metrics.accepted();
        metrics.rejected("required");
        metrics.rejected("required");
        metrics.rejected("stale-revision");
        metrics.published();
        metrics.unpublished();

        assertThat(registry.get(GalleyMetrics.SUBMITTED).counter().count()).isEqualTo(2);
        assertThat(registry.get(GalleyMetrics.ACCEPTED).counter().count()).isEqualTo(1);
        assertThat(registry.get(GalleyMetrics.REJECTED).tag("reason", "required").counter().count()).isEqualTo(2);
        assertThat(registry.get(GalleyMetrics.REJECTED).tag("reason", "stale-revision").counter().count()).isEqualTo(1);
        assertThat(registry.get(GalleyMetrics.PUBLISHED).counter().count()).isEqualTo(1);
        assertThat(registry.get(GalleyMetrics.UNPUBLISHED).counter().count()).isEqualTo(1);
    }

    @Test
    void failuresAndDeadLettersAreCountedByStage() {
        metrics.failed("render", "read");
        metrics.deadLettered("enrich", "processing-failed");
        metrics.deadLettered("enrich", "processing-failed");

        assertThat(registry.get(GalleyMetrics.FAILED).tags("stage", "render", "step", "read").counter().count()).isEqualTo(1);
        assertThat(registry.get(GalleyMetrics.DEAD_LETTERED).tags("stage", "enrich", "reason", "processing-failed")
                .counter().count()).isEqualTo(2);
    }

    @Test
    void timedWorkIsRecordedUnderItsStageAndStepAndItsResultReturned() {
        String result = metrics.time("render", "render", () -> "page");

        assertThat(result).isEqualTo("page");
        assertThat(registry.get(GalleyMetrics.PROCESSING).tags("stage", "render", "step", "render").timer().count()).isEqualTo(1);
    }

    @Test
    void endToEndLatencyFallsIntoTheBucketsAroundTheTwoSecondAlert() {
        metrics.endToEnd(Duration.ofMillis(300));
        metrics.endToEnd(Duration.ofMillis(2500));
        metrics.endToEnd(Duration.ofSeconds(-1));

        CountAtBucket[] buckets = registry.get(GalleyMetrics.END_TO_END).timer().takeSnapshot().histogramCounts();
        assertThat(bucket(buckets, Duration.ofMillis(50))).isEqualTo(1);
        assertThat(bucket(buckets, Duration.ofMillis(500))).isEqualTo(2);
        assertThat(bucket(buckets, Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(bucket(buckets, Duration.ofSeconds(3))).isEqualTo(3);
    }

    @Test
    void prometheusSeesGalleyNamesWithTheEndToEndHistogramBuckets() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GalleyMetrics scraped = GalleyMetrics.in(prometheus);
        scraped.published();
        scraped.rejected("required");
        scraped.deadLettered("render", "too-large");
        scraped.failed("site", "read");
        scraped.time("enrich", "draft", () -> 1);
        scraped.endToEnd(Duration.ofMillis(700));
        new SiteLag(java.time.Clock.systemUTC()).bindTo(prometheus);

        assertThat(prometheus.scrape())
                .contains("galley_published_total ", "galley_rejected_total{reason=\"required\"}",
                        "galley_dead_lettered_total{reason=\"too-large\",stage=\"render\"}",
                        "galley_failed_total{stage=\"site\",step=\"read\"}",
                        "galley_processing_seconds_count{stage=\"enrich\",step=\"draft\"}",
                        "galley_end_to_end_seconds_bucket{le=\"2.0\"} 1", "galley_end_to_end_seconds_count 1",
                        "galley_site_lag_records ", "galley_site_lag_seconds ");
    }

    @Test
    void metersMadeBeforeTheRegistryIsBoundRecordIntoItOnceBound() {
        GalleyMetrics unbound = new GalleyMetrics();
        unbound.published();
        SimpleMeterRegistry later = new SimpleMeterRegistry();

        unbound.bindTo(later);
        unbound.published();
        unbound.bindTo(later);
        unbound.published();

        assertThat(later.get(GalleyMetrics.PUBLISHED).counter().count()).isEqualTo(2);
    }

    @Test
    void aStageFindsItsMetersInItsStreamsSettingsAndOthersGetMetersThatRecordNowhere() {
        assertThat(GalleyMetrics.fromConfigs(Map.of(GalleyMetrics.CONFIG, metrics))).isSameAs(metrics);
        assertThat(GalleyMetrics.fromConfigs(Map.of())).isNotSameAs(metrics);
    }

    private static double bucket(CountAtBucket[] buckets, Duration upTo) {
        for (CountAtBucket bucket : buckets) {
            if (bucket.bucket(java.util.concurrent.TimeUnit.NANOSECONDS) == upTo.toNanos()) {
                return bucket.count();
            }
        }
        throw new AssertionError("No bucket at " + upTo);
    }
}
