package org.galley.bench.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured, as written to {@code result.json} (the keys are these components' names, in this
 * order; docs/performance.md describes each). Rates are stories (or records) per second, times milliseconds,
 * heaps MiB; figures are rounded to what they can honestly claim.
 */
public record BenchResult(
        String date,
        boolean quick,
        int stories,
        Machine machine,
        int recordBytes,
        double ceilingPerSec,
        double galleyPerSec,
        double replaySeconds,
        double firstThousandPerSec,
        double lastThousandPerSec,
        double slowdownRatio,
        List<Double> perThousandPerSec,
        long replayPublishEvents,
        Double replaySettleSeconds,
        int latencyRate,
        int latencySeconds,
        int latencyStories,
        double latencySubmittedPerSec,
        double latencyP50Ms,
        double latencyP95Ms,
        double latencyP99Ms,
        double latencyMaxMs,
        Double hugoPerSec,
        Double hugoSeconds,
        String hugoVersion,
        Double ratioToHugo,
        double ratioToCeiling,
        Map<String, Double> peakHeapMb,
        int heapLimitMb,
        Map<String, Target> targets) {

    /** The result of the phases' measurements, with the ratios and targets worked out from them. */
    static BenchResult of(String date, BenchOptions options, Machine machine, int recordBytes, double ceilingPerSec,
                          Replay replay, LatencyRun latency, Optional<HugoBuild> hugo, Map<String, Double> peakHeapMb) {
        Double hugoPerSec = hugo.map(HugoBuild::perSecond).orElse(null);
        Double ratioToHugo = hugoPerSec == null ? null : ratio(replay.perSecond() / hugoPerSec);
        double ratioToCeiling = ratio(replay.perSecond() / ceilingPerSec);
        Percentiles ms = latency.latencyMs();
        Map<String, Double> peaks = new LinkedHashMap<>();
        peakHeapMb.forEach((stage, mb) -> peaks.put(stage, mb == null ? null : tenths(mb)));
        return new BenchResult(date, options.quick(), replay.stories(), machine, recordBytes,
                tenths(ceilingPerSec),
                tenths(replay.perSecond()), tenths(replay.seconds()),
                tenths(replay.firstThousandPerSec()), tenths(replay.lastThousandPerSec()), ratio(replay.slowdownRatio()),
                replay.perThousandPerSec().stream().map(BenchResult::tenths).toList(),
                replay.publishEvents(), replay.settleSeconds() == null ? null : tenths(replay.settleSeconds()),
                latency.rate(), latency.seconds(), latency.stories(), tenths(latency.submittedPerSec()),
                tenths(ms.p50()), tenths(ms.p95()), tenths(ms.p99()), tenths(ms.max()),
                hugoPerSec == null ? null : tenths(hugoPerSec), hugo.map(build -> ratio(build.seconds())).orElse(null),
                hugo.map(HugoBuild::version).orElse(null),
                ratioToHugo, ratioToCeiling, peaks, StageProcesses.HEAP_LIMIT_MB,
                Target.evaluate(ratioToHugo, ratioToCeiling, ratio(replay.slowdownRatio()), replay.stories(),
                        tenths(ms.p99()), peaks, StageProcesses.HEAP_LIMIT_MB));
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double ratio(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
