package org.galley.registry.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.galley.registry.RegistryException;
import org.galley.registry.RegistryUnavailableException;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;

/**
 * Reads messages in Confluent's wire format (see {@link WireFormat}) into records of one generated
 * class: fetches the writer's schema by the id in the message and resolves it against the class's
 * schema, so data written with an older or newer compatible schema still reads. Null stays null.
 * Configure it as Kafka does, with at least {@code schema.registry.url}, and any of Confluent's client
 * settings for credentials and TLS ({@link org.galley.registry.RegistryClientConfig}).
 *
 * <p>Failures come in two kinds. A message that can never be read (bad magic byte, too short, an unknown
 * schema id, bytes that do not decode) is a {@link SerializationException}: a poison pill. A registry that
 * cannot be reached for the client's retry budget throws {@link RegistryUnavailableException} as it is,
 * a Kafka {@code RetriableException} and not a {@code SerializationException}, so that no one dead-letters
 * a record that reads fine once the registry is back. Writer schemas already fetched are kept, so during
 * an outage records written with known schemas keep reading.
 */
public class RegistryAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Schema readerSchema;
    private final ReaderSpecificData data;
    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
    private SchemaRegistryClient registry;

    public RegistryAvroDeserializer(Class<T> type) {
        this.data = new ReaderSpecificData(Objects.requireNonNull(type, "type"));
        this.readerSchema = data.getSchema(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        RegistrySerdeConfig.from(configs); // fails with a ConfigException naming schema.registry.url if it is missing
        this.registry = SchemaRegistryClients.forConfig(configs);
        readersByWriterId.clear();
    }

    @Override
    public T deserialize(String topic, byte[] message) {
        if (message == null) {
            return null;
        }
        int writerId = WireFormat.schemaId(message);
        DatumReader<T> reader = reader(topic, writerId);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                message, WireFormat.HEADER_SIZE, message.length - WireFormat.HEADER_SIZE, decoders.get());
        decoders.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException failed) {
            throw new SerializationException("Cannot read " + readerSchema.getFullName() + " from topic '" + topic
                    + "' written with schema id " + writerId, failed);
        }
    }

    private DatumReader<T> reader(String topic, int writerId) {
        DatumReader<T> reader = readersByWriterId.get(writerId);
        if (reader != null) {
            return reader;
        }
        if (registry == null) {
            throw new IllegalStateException("configure(...) the deserializer with " + RegistrySerdeConfig.SCHEMA_REGISTRY_URL + " first");
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(writerId);
        } catch (RegistryException failed) {
            throw new SerializationException("Cannot read a message from topic '" + topic + "': the registry has no schema"
                    + " with id " + writerId + " (" + failed.getMessage() + ")", failed);
        }
        readersByWriterId.putIfAbsent(writerId, new SpecificDatumReader<>(writerSchema, readerSchema, data));
        return readersByWriterId.get(writerId);
    }
}
