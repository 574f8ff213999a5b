package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void showsEachFigureAndAVerdictPerGoal() {
        String table = ResultTable.format(SampleResults.withHugo(false));

        assertThat(table).contains("2,000 stories (quick)", "400 records/s", "100 stories/s", "not measured",
                "2,500 PUBLISH events for 2,000 stories; quiet 3.3 s after the last", "p99 180 ms", "ingest 150, enrich 201, render 180, site 99.9 MB");
        assertThat(table.lines().filter(line -> line.startsWith("  n/a "))).hasSize(1);
        assertThat(table.lines().filter(line -> line.startsWith("  FAIL "))).hasSize(1);
        assertThat(table.lines().filter(line -> line.startsWith("  PASS "))).hasSize(3);
    }
}
