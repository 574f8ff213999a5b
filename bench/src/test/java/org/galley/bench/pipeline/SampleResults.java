package org.galley.bench.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Results as a run would produce them, for the tests of what is written from one. */
final class SampleResults {

    private SampleResults() {
    }

    static BenchResult withHugo(boolean hugo) {
        Replay replay = new Replay(2_000, 20.0, 100.0, 125.0, 90.0, List.of(125.0, 83.3333), 2_500, 3.25);
        LatencyRun latency = new LatencyRun(1_000, 50, 20, 49.98, new Percentiles(80.04, 120.5, 180.25, 250.0, 1_000));
        Map<String, Double> heaps = new LinkedHashMap<>();
        heaps.put("ingest", 150.26);
        heaps.put("enrich", 201.0);
        heaps.put("render", 180.0);
        heaps.put("site", 99.9);
        return BenchResult.of("2026-12-01T14:00:00Z", BenchOptions.parse("--quick"),
                new Machine(2, 24_105, "Linux 6.1 (amd64)", "Java 17.0.12 (Eclipse Adoptium)", "Some CPU"),
                12_345, 400.0, replay, latency, hugo ? Optional.of(new HugoBuild("hugo v0.111.3", 2_000, 8.0)) : Optional.empty(),
                heaps);
    }
}
