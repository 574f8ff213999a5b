package org.galley.runtime.errors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Record;
import org.galley.runtime.metrics.GalleyMetrics;
import org.junit.jupiter.api.Test;

/** The handlers count what they decide in the stage's meters, found in the Streams settings. */
class HandlerMetersTest {

    private static final byte[] KEY = "story-1".getBytes(UTF_8);
    private static final byte[] VALUE = "raw bytes".getBytes(UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, Object> configs = Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dead-letter",
            DeadLetters.STAGE_CONFIG, "render",
            GalleyMetrics.CONFIG, GalleyMetrics.in(registry));

    @Test
    void poisonIsCountedAsDeadLetteredByStageAndReason() {
        GalleyDeserializationExceptionHandler handler = new GalleyDeserializationExceptionHandler();
        handler.configure(configs);

        handler.handleError(HandlerContext.of("articles.enriched", 7, KEY, VALUE),
                new ConsumerRecord<>("articles.enriched", 0, 7, KEY, VALUE), new SerializationException("bad magic byte"));

        assertThat(registry.get(GalleyMetrics.DEAD_LETTERED).tags("stage", "render", "reason", "unreadable").counter().count())
                .isEqualTo(1);
        assertThat(registry.find(GalleyMetrics.FAILED).counter()).isNull();
    }

    @Test
    void anOutageIsCountedAsFailedAtItsStepAndNothingIsDeadLettered() {
        GalleyProcessingExceptionHandler processing = new GalleyProcessingExceptionHandler();
        processing.configure(configs);
        GalleyProductionExceptionHandler production = new GalleyProductionExceptionHandler();
        production.configure(configs);

        processing.handleError(HandlerContext.of("articles.enriched", 3, KEY, VALUE), new Record<>("story-1", "v", 1L),
                new IllegalStateException("lookup", new TimeoutException("broker")));
        production.handleError(HandlerContext.of("articles.enriched", 3, KEY, VALUE),
                new ProducerRecord<>("articles.published", KEY, VALUE), new TimeoutException("broker"));

        assertThat(registry.get(GalleyMetrics.FAILED).tags("stage", "render", "step", "process").counter().count()).isEqualTo(1);
        assertThat(registry.get(GalleyMetrics.FAILED).tags("stage", "render", "step", "write").counter().count()).isEqualTo(1);
        assertThat(registry.find(GalleyMetrics.DEAD_LETTERED).counter()).isNull();
    }
}
