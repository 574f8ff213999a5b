package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.galley.runtime.errors.DeadLetters;
import org.galley.runtime.errors.GalleyDeserializationExceptionHandler;
import org.galley.runtime.errors.GalleyProcessingExceptionHandler;
import org.galley.runtime.errors.GalleyProductionExceptionHandler;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private static final Topics TOPICS = Topics.create(new ServiceConfig(Map.of()), "mock://streams-settings-test");

    @Test
    void everyStageRunsExactlyOnceAndCommitsOftenEnoughForSubSecondLatency() {
        Properties props = StreamsSettings.forService("galley-test", new ServiceConfig(Map.of()), TOPICS);

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        StreamsConfig config = new StreamsConfig(props);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(20L);
        assertThat(config.getLong(StreamsConfig.POLL_MS_CONFIG)).as("an idle thread still commits on time").isEqualTo(10L);
        assertThat(config.getProducerConfigs("p")).containsEntry("linger.ms", 5).containsEntry("compression.type", "lz4");
    }

    @Test
    void kafkaVariablesStillOverrideTheTuning() {
        ServiceConfig env = new ServiceConfig(Map.of("KAFKA_COMMIT_INTERVAL_MS", "250", "KAFKA_LINGER_MS", "50"));

        StreamsConfig config = new StreamsConfig(StreamsSettings.forService("galley-test", env, TOPICS));

        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(250L);
        assertThat(config.getProducerConfigs("p").get("linger.ms")).hasToString("50");
    }

    @Test
    void everyStageUsesGalleysHandlersAndNamesItselfInItsDeadLetters() {
        Properties props = StreamsSettings.forService("galley-render", new ServiceConfig(Map.of()), TOPICS);

        StreamsConfig config = new StreamsConfig(props);
        assertThat(config.deserializationExceptionHandler()).isInstanceOf(GalleyDeserializationExceptionHandler.class);
        assertThat(config.processingExceptionHandler()).isInstanceOf(GalleyProcessingExceptionHandler.class);
        assertThat(config.productionExceptionHandler()).isInstanceOf(GalleyProductionExceptionHandler.class);
        assertThat(props).containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dead-letter")
                .containsEntry(DeadLetters.STAGE_CONFIG, "render");
    }
}
