package org.galley.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class SizeCheckedProducerTest {

    private final MockProducer<byte[], byte[]> kafka = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final SizeCheckedProducer producer = new SizeCheckedProducer(kafka, topic -> topic.equals("small") ? 1000 : 1_000_000);

    @Test
    void aRecordTooLargeForItsTopicIsTurnedAwayThroughTheCallbackWithoutReachingTheProducer() {
        List<Exception> reported = new ArrayList<>();

        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>("small", new byte[2000]), (metadata, error) -> reported.add(error));

        assertThat(reported).singleElement().isInstanceOf(RecordTooLargeException.class);
        assertThat(reported.get(0)).hasMessageContaining("small").hasMessageContaining("1000");
        assertThat(sent).failsWithin(java.time.Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(RecordTooLargeException.class);
        assertThat(kafka.history()).isEmpty();
    }

    @Test
    void aRecordThatFitsIsSentAsItIs() {
        producer.send(new ProducerRecord<>("small", new byte[500]), (metadata, error) -> assertThat(error).isNull());
        producer.send(new ProducerRecord<>("large", new byte[2000]));

        assertThat(kafka.history()).extracting(ProducerRecord::topic).containsExactly("small", "large");
    }

    @Test
    void theSizeCountsKeyValueHeadersAndRoomForOverheads() {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("t", new byte[10], new byte[1000]);
        record.headers().add("h", new byte[100]);

        assertThat(SizeCheckedProducer.sizeUpperBound(record)).isGreaterThan(1111).isLessThan(1400);
    }

    @Test
    void aTopicsLimitIsTheSmallerOfItsOwnAndTheProducersAndIsLookedUpOnce() {
        List<String> lookups = new ArrayList<>();
        Map<String, Integer> cluster = Map.of("small", 1000, "large", 50_000_000);
        TopicSizeLimits limits = new TopicSizeLimits(8_000_000, topic -> {
            lookups.add(topic);
            Integer limit = cluster.get(topic);
            return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
        });

        assertThat(limits.limitOf("small")).isEqualTo(1000);
        assertThat(limits.limitOf("small")).isEqualTo(1000);
        assertThat(limits.limitOf("large")).isEqualTo(8_000_000);
        assertThat(limits.limitOf("unknown")).isEqualTo(8_000_000);
        assertThat(limits.limitOf("unknown")).isEqualTo(8_000_000);
        assertThat(lookups).containsExactly("small", "large", "unknown", "unknown");
    }
}
