package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    private static JsonNode json(BenchResult result) throws Exception {
        return new ObjectMapper().readTree(ResultJson.write(result));
    }

    @Test
    void everyFigureIsUnderItsDocumentedKeyWithTheRatiosWorkedOut() throws Exception {
        JsonNode json = json(SampleResults.withHugo(true));

        assertThat(json.get("date").asText()).isEqualTo("2026-12-01T14:00:00Z");
        assertThat(json.get("quick").asBoolean()).isTrue();
        assertThat(json.get("stories").asInt()).isEqualTo(2_000);
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("ceilingPerSec").asDouble()).isEqualTo(400.0);
        assertThat(json.get("galleyPerSec").asDouble()).isEqualTo(100.0);
        assertThat(json.get("firstThousandPerSec").asDouble()).isEqualTo(125.0);
        assertThat(json.get("lastThousandPerSec").asDouble()).isEqualTo(90.0);
        assertThat(json.get("slowdownRatio").asDouble()).isEqualTo(0.72);
        assertThat(json.get("perThousandPerSec").get(1).asDouble()).isEqualTo(83.3);
        assertThat(json.get("replayPublishEvents").asLong()).isEqualTo(2_500);
        assertThat(json.get("replaySettleSeconds").asDouble()).isEqualTo(3.3);
        assertThat(json.get("latencyP50Ms").asDouble()).isEqualTo(80.0);
        assertThat(json.get("latencyP99Ms").asDouble()).isEqualTo(180.3);
        assertThat(json.get("hugoPerSec").asDouble()).isEqualTo(250.0);
        assertThat(json.get("ratioToHugo").asDouble()).isEqualTo(0.4);
        assertThat(json.get("ratioToCeiling").asDouble()).isEqualTo(0.25);
        assertThat(json.get("peakHeapMb").get("ingest").asDouble()).isEqualTo(150.3);
        assertThat(json.get("heapLimitMb").asInt()).isEqualTo(256);
        assertThat(json.get("targets").get("replayVsHugo").get("pass").asBoolean()).isFalse();
        assertThat(json.get("targets").get("noSlowdown").get("pass").asBoolean()).isFalse();
        assertThat(json.get("targets").get("latencyP99").get("pass").asBoolean()).isTrue();
    }

    @Test
    void keysComeInTheDocumentedOrder() throws Exception {
        List<String> keys = new ArrayList<>();
        json(SampleResults.withHugo(true)).fieldNames().forEachRemaining(keys::add);

        assertThat(keys).startsWith("date", "quick", "stories", "machine", "recordBytes", "ceilingPerSec", "galleyPerSec")
                .endsWith("ratioToHugo", "ratioToCeiling", "peakHeapMb", "heapLimitMb", "targets");
    }

    @Test
    void withoutHugoItsFiguresAreNullNotMissing() throws Exception {
        JsonNode json = json(SampleResults.withHugo(false));

        assertThat(json.has("hugoPerSec")).isTrue();
        assertThat(json.get("hugoPerSec").isNull()).isTrue();
        assertThat(json.get("ratioToHugo").isNull()).isTrue();
        assertThat(json.get("targets").get("replayVsHugo").get("pass").isNull()).isTrue();
    }
}
