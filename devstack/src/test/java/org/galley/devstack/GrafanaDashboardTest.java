package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.metrics.SiteLag;
import org.junit.jupiter.api.Test;

/**
 * ops/grafana/galley.json is a dashboard whose every query names only series that exist: the {@code galley_*}
 * meters as a service exports them, the recording rules of ops/prometheus/galley-rules.yml, and Kafka's and the
 * JVM's own ({@code kafka_*}, {@code jvm_*}). A renamed meter or rule then fails here, not on a blank panel.
 */
class GrafanaDashboardTest {

    private static final Path ROOT = repositoryRoot();
    /** A name in PromQL: a metric, a function (followed by "("), or a keyword. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    @Test
    void everyPanelQueriesOnlyMetersRulesAndKafkaOrJvmSeriesThatExist() throws IOException {
        Set<String> known = galleySeries();
        known.addAll(recordingRules());
        List<String> expressions = expressions();

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        for (String expression : expressions) {
            assertThat(metricNames(expression)).as(expression).isNotEmpty().allSatisfy(name ->
                    assertThat(known.contains(name) || name.startsWith("kafka_") || name.startsWith("jvm_"))
                            .as(name + " in " + expression).isTrue());
        }
    }

    @Test
    void theDashboardShowsThroughputLatencyLagRejectionsDeadLettersAndSiteLag() throws IOException {
        String all = String.join("\n", expressions());

        assertThat(all).contains("galley_processing_seconds_count", "galley:end_to_end_seconds:p99_5m",
                "kafka_consumer_fetch_manager_records_lag", "galley:rejected:rate5m", "galley:dead_lettered:rate5m",
                "galley_site_lag_seconds");
    }

    @Test
    void aMisspelledMetricIsCaught() {
        Set<String> known = galleySeries();

        assertThat(metricNames("sum by (stage) (rate(galley_publshed_total{service=\"x\"}[5m]))"))
                .containsExactly("galley_publshed_total");
        assertThat(known).doesNotContain("galley_publshed_total").contains("galley_published_total");
    }

    /** Every series name a service's /metrics carries for Galley's meters, from a real scrape. */
    private static Set<String> galleySeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GalleyMetrics metrics = GalleyMetrics.in(registry);
        metrics.submitted();
        metrics.accepted();
        metrics.rejected("required");
        metrics.published();
        metrics.unpublished();
        metrics.failed("enrich", "read");
        metrics.deadLettered("render", "too-large");
        metrics.time("render", "render", () -> 1);
        metrics.endToEnd(Duration.ofMillis(300));
        new SiteLag(Clock.systemUTC()).bindTo(registry);
        Set<String> names = new TreeSet<>();
        registry.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }

    private static Set<String> recordingRules() throws IOException {
        Set<String> rules = new TreeSet<>();
        Matcher record = Pattern.compile("(?m)^\\s*-?\\s*record:\\s*(\\S+)").matcher(
                Files.readString(ROOT.resolve("ops/prometheus/galley-rules.yml")));
        while (record.find()) {
            rules.add(record.group(1));
        }
        return rules;
    }

    private static List<String> expressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("ops/grafana/galley.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    /**
     * The metric names in a PromQL expression: what is left once strings, label matchers, ranges, Grafana variables,
     * grouping clauses, functions and keywords are taken out.
     */
    static List<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(\\\\.|[^\"])*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{?\\w+}?", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        List<String> names = new ArrayList<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            String token = name.group();
            boolean function = bare.substring(name.end()).stripLeading().startsWith("(");
            boolean number = name.start() > 0 && Character.isDigit(bare.charAt(name.start() - 1));
            if (!function && !number && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ops/grafana"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No ops/grafana above " + Path.of("").toAbsolutePath());
    }
}
