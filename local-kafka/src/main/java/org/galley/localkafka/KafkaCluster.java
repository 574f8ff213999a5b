package org.galley.localkafka;

/**
 * A running Kafka that clients reach through {@link #bootstrapServers()}, whichever way it was
 * started: in this JVM ({@link InProcessKafka}) or in a container ({@link TestKafka} picks).
 * Closing it stops the broker.
 */
public interface KafkaCluster extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:9092}. */
    String bootstrapServers();

    /** Stops the broker and waits until it has stopped. */
    @Override
    void close();
}
