package org.galley.registry.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@link RegistryAvroSerializer} and {@link RegistryAvroDeserializer} of one generated Avro class
 * as a Kafka {@link Serde}, for Kafka Streams topologies and the topic catalogue.
 */
public class RegistryAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final RegistryAvroSerializer<T> serializer;
    private final RegistryAvroDeserializer<T> deserializer;

    public RegistryAvroSerde(Class<T> type) {
        this.serializer = new RegistryAvroSerializer<>(type);
        this.deserializer = new RegistryAvroDeserializer<>(type);
    }

    /** A serde for record values, configured with the registry at this URL and auto-registration on. */
    public static <T extends SpecificRecord> RegistryAvroSerde<T> forValues(Class<T> type, String registryUrl) {
        RegistryAvroSerde<T> serde = new RegistryAvroSerde<>(type);
        serde.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serde;
    }

    /**
     * A serde for record values configured with a whole registry config map: {@code schema.registry.url} plus
     * any credential, TLS and retry settings ({@link org.galley.registry.RegistryClientConfig}), for example
     * {@code RegistryClientConfig.fromEnvironment(System.getenv())}.
     */
    public static <T extends SpecificRecord> RegistryAvroSerde<T> forValues(Class<T> type, Map<String, ?> configs) {
        RegistryAvroSerde<T> serde = new RegistryAvroSerde<>(type);
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public RegistryAvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
