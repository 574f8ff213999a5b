package org.galley.bench.pipeline;

import java.util.Map;

import org.galley.localkafka.InProcessKafka;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.runtime.ServiceConfig;

/**
 * The one broker and the schema registry every phase runs against, both inside the benchmark's JVM as
 * {@code ./galley up} runs them: Kafka's own KRaft server (local-kafka, a temporary log dir, a free port on
 * 127.0.0.1) and Galley's embedded Confluent-compatible registry. The stages, in child JVMs, reach them through
 * the same variables docker-compose sets.
 */
final class BenchCluster implements AutoCloseable {

    private final InProcessKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    private BenchCluster(InProcessKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static BenchCluster start() {
        InProcessKafka kafka = InProcessKafka.start();
        try {
            return new BenchCluster(kafka, EmbeddedSchemaRegistry.start(0));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** What every stage is given: where the broker and the registry are. */
    Map<String, String> env() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url());
    }

    /** The same settings for the benchmark's own clients (topic creation, the newsroom producer). */
    ServiceConfig config() {
        return new ServiceConfig(env());
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
