package org.galley.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.galley.registry.RegistryException;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;

/**
 * Writes Avro records of one generated class in Confluent's wire format (see {@link WireFormat}),
 * registering the class's schema under the topic's subject ({@code <topic>-value} or {@code -key}) on
 * first use, or, with {@code auto.register.schemas=false}, only looking its id up. Null stays null.
 * Configure it as Kafka does, with at least {@code schema.registry.url}, and any of Confluent's client
 * settings for credentials and TLS ({@link org.galley.registry.RegistryClientConfig}).
 *
 * <p>A schema the registry refuses (409 incompatible, 422 invalid, or not registered without
 * auto-registration) is a {@link SerializationException}. A registry that cannot be reached for the
 * client's retry budget throws {@link org.galley.registry.RegistryUnavailableException} as it is (a Kafka
 * {@code RetriableException}), never wrapped in a {@code SerializationException}.
 */
public class RegistryAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Schema schema;
    private final DatumWriter<T> writer;
    private final Map<String, byte[]> headersByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();
    private SchemaRegistryClient registry;
    private boolean autoRegister;
    private boolean isKey;

    public RegistryAvroSerializer(Class<T> type) {
        SpecificData data = SpecificData.getForClass(Objects.requireNonNull(type, "type"));
        this.schema = data.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, data);
    }

    /** The generated class's schema: what this serializer registers, and what a service registers at start. */
    public Schema schema() {
        return schema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        RegistrySerdeConfig config = RegistrySerdeConfig.from(configs);
        this.registry = SchemaRegistryClients.forConfig(configs);
        this.autoRegister = config.autoRegister();
        this.isKey = isKey;
        headersByTopic.clear();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        byte[] header = headersByTopic.computeIfAbsent(topic, this::header);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(header);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, encoders.get());
        encoders.set(encoder);
        try {
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException failed) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " for topic '" + topic + "'", failed);
        }
        return out.toByteArray();
    }

    private byte[] header(String topic) {
        if (registry == null) {
            throw new IllegalStateException("configure(...) the serializer with " + RegistrySerdeConfig.SCHEMA_REGISTRY_URL + " first");
        }
        String subject = TopicNameStrategy.subject(topic, isKey);
        try {
            return WireFormat.header(autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema));
        } catch (RegistryException failed) {
            String action = autoRegister
                    ? "Cannot register the schema of " + schema.getFullName() + " under subject '" + subject + "'"
                    : "The schema of " + schema.getFullName() + " is not registered under subject '" + subject
                            + "' and " + RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS + " is false";
            throw new SerializationException(action + ": " + failed.getMessage(), failed);
        }
    }
}
