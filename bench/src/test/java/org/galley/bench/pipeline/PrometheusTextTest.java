package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space",service="galley-enrich"} 2.5165824E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen",service="galley-enrich"} 1.048576E7
            jvm_memory_used_bytes{area="heap",id="G1 Survivor Space",service="galley-enrich"} 1048576.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace",service="galley-enrich"} 5.0E7
            jvm_memory_used_bytes_total{area="heap"} 9.9E9
            jvm_memory_max_bytes{area="heap",id="G1 Old Gen",service="galley-enrich"} 2.68435456E8
            process_uptime_seconds{service="galley-enrich"} 12.5
            """;

    @Test
    void theHeapInUseIsEveryHeapPoolAddedUpAndNothingElse() {
        assertThat(PrometheusText.heapUsedBytes(SCRAPE)).hasValue(25_165_824 + 10_485_760 + 1_048_576);
    }

    @Test
    void aSampleWithoutLabelsIsReadToo() {
        assertThat(PrometheusText.sum("up 1\nup_other 5\n", "up", Map.of())).hasValue(1);
    }

    @Test
    void aLabelValueMayHoldCommasQuotesAndBraces() {
        String scrape = "m{id=\"a, \\\"b\\\" {c}\",area=\"heap\"} 3 1700000000000\n";

        assertThat(PrometheusText.sum(scrape, "m", Map.of("area", "heap"))).hasValue(3);
    }

    @Test
    void nothingMatchingIsEmptyNotZero() {
        assertThat(PrometheusText.heapUsedBytes("# nothing yet\n")).isEqualTo(OptionalDouble.empty());
    }
}
