package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.galley.runtime.errors.GalleyDeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

/** KAFKA_* variables tune a stage freely, but cannot switch off exactly-once, the handlers or dead letters unnoticed. */
class KafkaOverridesTest {

    private static final Topics TOPICS = Topics.create(new ServiceConfig(Map.of()), "mock://kafka-overrides-test");

    private static Properties streams(Map<String, String> env) {
        return StreamsSettings.forService("galley-test", new ServiceConfig(env), TOPICS);
    }

    @Test
    void atLeastOnceIsRefusedNamingTheVariableAndTheOptOut() {
        assertThatThrownBy(() -> streams(Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_PROCESSING_GUARANTEE=at_least_once")
                .hasMessageContaining("processing.guarantee from exactly_once_v2")
                .hasMessageContaining("GALLEY_ALLOW_UNSAFE_KAFKA_SETTINGS=true");
    }

    @Test
    void everyHandlerAndTheDeadLetterTopicAreGuardedUnderEachOfTheirNames() {
        String other = LogAndContinueExceptionHandler.class.getName();
        for (String variable : new String[] {"KAFKA_DESERIALIZATION_EXCEPTION_HANDLER", "KAFKA_DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER",
                "KAFKA_PROCESSING_EXCEPTION_HANDLER", "KAFKA_PRODUCTION_EXCEPTION_HANDLER", "KAFKA_DEFAULT_PRODUCTION_EXCEPTION_HANDLER",
                "KAFKA_ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME", "KAFKA_PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED"}) {
            assertThatThrownBy(() -> streams(Map.of(variable, other))).as(variable)
                    .hasMessageContaining(variable + "=" + other);
        }
    }

    @Test
    void clientSettingsExactlyOnceRestsOnAreGuardedWithOrWithoutAClientPrefix() {
        assertThatThrownBy(() -> streams(Map.of("KAFKA_ISOLATION_LEVEL", "read_uncommitted"))).hasMessageContaining("KAFKA_ISOLATION_LEVEL");
        assertThatThrownBy(() -> streams(Map.of("KAFKA_MAIN_CONSUMER_ISOLATION_LEVEL", "read_uncommitted")))
                .hasMessageContaining("main.consumer.isolation.level from read_committed");
        assertThatThrownBy(() -> streams(Map.of("KAFKA_PRODUCER_ACKS", "1"))).hasMessageContaining("KAFKA_PRODUCER_ACKS=1");
        assertThatThrownBy(() -> streams(Map.of("KAFKA_PRODUCER_ENABLE_IDEMPOTENCE", "false"))).hasMessageContaining("enable.idempotence");
    }

    @Test
    void everyUnsafeVariableIsNamedAtOnce() {
        assertThatThrownBy(() -> streams(Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once", "KAFKA_ACKS", "1")))
                .hasMessageContaining("KAFKA_PROCESSING_GUARANTEE").hasMessageContaining("KAFKA_ACKS");
    }

    @Test
    void aVariableThatAsksForWhatGalleyNeedsAnywayIsFine() {
        Properties props = streams(Map.of("KAFKA_PROCESSING_GUARANTEE", "EXACTLY_ONCE_V2", "KAFKA_ACKS", "-1",
                "KAFKA_DESERIALIZATION_EXCEPTION_HANDLER", GalleyDeserializationExceptionHandler.class.getName()));

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "EXACTLY_ONCE_V2");
    }

    @Test
    void theOptOutLetsUnsafeSettingsThrough() {
        Properties props = streams(Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                KafkaOverrides.ALLOW_UNSAFE, "true"));

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
    }

    @Test
    void tuningAndConnectionSettingsNeedNoOptOut() {
        Properties props = streams(Map.of("KAFKA_COMMIT_INTERVAL_MS", "250", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_PRODUCER_LINGER_MS", "50"));

        assertThat(props).containsEntry("commit.interval.ms", "250").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("producer.linger.ms", "50");
    }

    @Test
    void aProducerCannotBeMadeToLoseOrDuplicate() {
        assertThatThrownBy(() -> new ServiceConfig(Map.of("KAFKA_ACKS", "1")).producerProperties("p"))
                .hasMessageContaining("KAFKA_ACKS=1 would change acks from all");
        assertThatThrownBy(() -> new ServiceConfig(Map.of("KAFKA_ENABLE_IDEMPOTENCE", "false")).producerProperties("p"))
                .hasMessageContaining("KAFKA_ENABLE_IDEMPOTENCE");
        assertThat(new ServiceConfig(Map.of("KAFKA_LINGER_MS", "7")).producerProperties("p"))
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true").containsEntry("linger.ms", "7");
    }

    @Test
    void aReadCommittedConsumerStaysReadCommitted() {
        ServiceConfig env = new ServiceConfig(Map.of("KAFKA_ISOLATION_LEVEL", "read_uncommitted"));

        assertThatThrownBy(() -> env.readCommittedConsumerProperties("c", "g")).hasMessageContaining("KAFKA_ISOLATION_LEVEL");
        assertThat(new ServiceConfig(Map.of()).readCommittedConsumerProperties("c", "g"))
                .containsEntry("isolation.level", "read_committed").containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "g").containsEntry("client.id", "c");
    }
}
