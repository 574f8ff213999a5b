package org.galley.runtime;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams settings every Galley stage runs with: exactly-once (v2), and a dead-letter topic for
 * any record that cannot be read or processed, so one bad event never stops a stage and is never lost.
 * Anything here can be overridden with a {@code KAFKA_*} variable.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties forService(String applicationId, ServiceConfig config, Topics topics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get("GALLEY_STATE_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "galley-state").toString()));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        // Kafka 5 will make this the default; opting in now keeps global stores under the same handler.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetter().name());
        // Internal topics (repartition, changelog) and outputs must take a whole page, like Galley's own topics.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), config.maxMessageBytes());
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(config.maxMessageBytes()));
        props.putAll(config.kafkaProperties());
        return props;
    }
}
