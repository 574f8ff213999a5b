package org.galley.bench.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The result as the console shows it: the figures, then each goal with PASS, FAIL or n/a. */
final class ResultTable {

    private ResultTable() {
    }

    static String format(BenchResult result) {
        StringBuilder table = new StringBuilder();
        line(table, "Galley pipeline benchmark: %,d stories%s, %d cores, %,d MiB, %s%n", result.stories(),
                result.quick() ? " (quick)" : "", result.machine().cores(), result.machine().memoryMb(), result.machine().jdk());
        row(table, "ceiling (3 pass-through stages)", SvgChart.number(result.ceilingPerSec()) + " records/s",
                String.format(Locale.ROOT, "records of %,d bytes", result.recordBytes()));
        row(table, "Galley replay", SvgChart.number(result.galleyPerSec()) + " stories/s", String.format(Locale.ROOT,
                "%.1f s; first 1,000 %s/s, last 1,000 %s/s", result.replaySeconds(),
                SvgChart.number(result.firstThousandPerSec()), SvgChart.number(result.lastThousandPerSec())));
        row(table, "", "", String.format(Locale.ROOT, "%,d PUBLISH events for %,d stories; quiet %s s after the last",
                result.replayPublishEvents(), result.stories(),
                result.replaySettleSeconds() == null ? "> 600" : SvgChart.number(result.replaySettleSeconds())));
        row(table, "Hugo cold build", result.hugoPerSec() == null ? "not measured" : SvgChart.number(result.hugoPerSec()) + " pages/s",
                result.hugoPerSec() == null ? "" : String.format(Locale.ROOT, "%.1f s, %s", result.hugoSeconds(), result.hugoVersion()));
        row(table, String.format(Locale.ROOT, "latency at %d/s for %d s", result.latencyRate(), result.latencySeconds()),
                String.format(Locale.ROOT, "p99 %s ms", SvgChart.number(result.latencyP99Ms())),
                String.format(Locale.ROOT, "p50 %s, p95 %s, max %s ms; sent at %s/s", SvgChart.number(result.latencyP50Ms()),
                        SvgChart.number(result.latencyP95Ms()), SvgChart.number(result.latencyMaxMs()),
                        SvgChart.number(result.latencySubmittedPerSec())));
        row(table, "peak heap per stage", "limit " + result.heapLimitMb() + " MB", result.peakHeapMb().entrySet().stream()
                .map(peak -> peak.getKey() + " " + (peak.getValue() == null ? "?" : SvgChart.number(peak.getValue())))
                .collect(Collectors.joining(", ")) + " MB");
        table.append("Targets\n");
        for (Map.Entry<String, Target> target : result.targets().entrySet()) {
            Target goal = target.getValue();
            String verdict = goal.pass() == null ? "n/a " : goal.pass() ? "PASS" : "FAIL";
            line(table, "  %s  %-62s %s%n", verdict, goal.goal(), actual(goal.actual()));
        }
        return table.toString();
    }

    /** Ratios need their decimals; milliseconds and megabytes do not. */
    private static String actual(Double value) {
        if (value == null) {
            return "-";
        }
        return value < 10 ? String.format(Locale.ROOT, "%.3f", value) : SvgChart.number(value);
    }

    private static void row(StringBuilder table, String measure, String value, String detail) {
        line(table, "  %-34s %20s   %s%n", measure, value, detail);
    }

    private static void line(StringBuilder table, String format, Object... args) {
        table.append(String.format(Locale.ROOT, format, args));
    }
}
