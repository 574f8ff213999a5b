package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class PassThroughTopologyTest {

    @Test
    void everyRecordGoesOnUnchangedKeyAndValue() {
        try (TopologyTestDriver driver = new TopologyTestDriver(
                PassThroughTopology.build(PassThroughApp.bytes("t0"), PassThroughApp.bytes("t1")))) {
            var in = driver.createInputTopic("t0", new ByteArraySerializer(), new ByteArraySerializer());
            var out = driver.createOutputTopic("t1", new ByteArrayDeserializer(), new ByteArrayDeserializer());
            byte[] payload = CeilingChain.payload(12_345);

            in.pipeInput("record-1".getBytes(StandardCharsets.UTF_8), payload);

            KeyValue<byte[], byte[]> passed = out.readKeyValue();
            assertThat(new String(passed.key, StandardCharsets.UTF_8)).isEqualTo("record-1");
            assertThat(passed.value).isEqualTo(payload).hasSize(12_345);
            assertThat(out.isEmpty()).isTrue();
        }
    }
}
