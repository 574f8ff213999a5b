package org.galley.bench.pipeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One of the goals the benchmark checks, with the figure it is judged on.
 *
 * @param goal   what must hold, in words
 * @param actual the figure measured (a ratio, milliseconds, MiB: as the goal says); null when not measured
 * @param pass   whether it holds; null when it cannot be judged (Hugo absent, too few stories for a slowdown)
 */
public record Target(String goal, Double actual, Boolean pass) {

    static final double MIN_RATIO_TO_HUGO = 1.0;
    static final double MIN_RATIO_TO_CEILING = 0.25;
    static final double MIN_SLOWDOWN_RATIO = 0.8;
    static final int SLOWDOWN_MIN_STORIES = 2_000;
    static final double MAX_P99_MS = 200;

    /** Every goal, in the order the table and the JSON list them. */
    static Map<String, Target> evaluate(Double ratioToHugo, double ratioToCeiling, double slowdownRatio, int stories,
                                        double latencyP99Ms, Map<String, Double> peakHeapMb, int heapLimitMb) {
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put("replayVsHugo", new Target("galleyPerSec >= " + MIN_RATIO_TO_HUGO + " x hugoPerSec",
                ratioToHugo, ratioToHugo == null ? null : ratioToHugo >= MIN_RATIO_TO_HUGO));
        targets.put("replayVsCeiling", new Target("galleyPerSec >= " + MIN_RATIO_TO_CEILING + " x ceilingPerSec",
                ratioToCeiling, ratioToCeiling >= MIN_RATIO_TO_CEILING));
        boolean judged = stories >= SLOWDOWN_MIN_STORIES;
        targets.put("noSlowdown", new Target("lastThousandPerSec >= " + MIN_SLOWDOWN_RATIO
                + " x firstThousandPerSec (N >= " + SLOWDOWN_MIN_STORIES + ")",
                slowdownRatio, judged ? slowdownRatio >= MIN_SLOWDOWN_RATIO : null));
        targets.put("latencyP99", new Target("latencyP99Ms <= " + (int) MAX_P99_MS, latencyP99Ms, latencyP99Ms <= MAX_P99_MS));
        Collection<Double> peaks = peakHeapMb.values();
        Double largest = peaks.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
        boolean allRead = !peaks.isEmpty() && peaks.stream().allMatch(Objects::nonNull);
        targets.put("heapPerStage", new Target("every stage's peakHeapMb <= " + heapLimitMb, largest,
                allRead ? largest <= heapLimitMb : null));
        return targets;
    }
}
