package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetTest {

    private static Map<String, Double> heaps(Double ingest, Double enrich) {
        Map<String, Double> heaps = new LinkedHashMap<>();
        heaps.put("ingest", ingest);
        heaps.put("enrich", enrich);
        return heaps;
    }

    @Test
    void everyGoalIsJudgedOnItsOwnFigure() {
        Map<String, Target> targets = Target.evaluate(1.5, 0.3, 0.9, 10_000, 150, heaps(120.0, 200.0), 256);

        assertThat(targets.keySet()).containsExactly("replayVsHugo", "replayVsCeiling", "noSlowdown", "latencyP99", "heapPerStage");
        assertThat(targets.values()).allSatisfy(target -> assertThat(target.pass()).isTrue());
        assertThat(targets.get("heapPerStage").actual()).isEqualTo(200.0);
    }

    @Test
    void eachGoalFailsJustPastItsThreshold() {
        Map<String, Target> targets = Target.evaluate(0.99, 0.249, 0.79, 10_000, 200.1, heaps(120.0, 256.1), 256);

        assertThat(targets.values()).allSatisfy(target -> assertThat(target.pass()).isFalse());
    }

    @Test
    void theThresholdsThemselvesPass() {
        Map<String, Target> targets = Target.evaluate(1.0, 0.25, 0.8, 2_000, 200, heaps(256.0, 1.0), 256);

        assertThat(targets.values()).allSatisfy(target -> assertThat(target.pass()).isTrue());
    }

    @Test
    void whatCannotBeJudgedIsNeitherPassNorFail() {
        Map<String, Target> targets = Target.evaluate(null, 0.3, 0.1, 1_999, 150, heaps(120.0, null), 256);

        assertThat(targets.get("replayVsHugo")).isEqualTo(new Target("galleyPerSec >= 1.0 x hugoPerSec", null, null));
        assertThat(targets.get("noSlowdown").pass()).isNull();
        assertThat(targets.get("heapPerStage").pass()).isNull();
    }
}
