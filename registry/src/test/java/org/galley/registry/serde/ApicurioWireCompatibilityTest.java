package org.galley.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.registry.testing.Desk;
import org.galley.registry.testing.Stories;
import org.galley.registry.testing.Story;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Galley's serde against an independent implementation of Confluent's wire format: Apicurio's Avro
 * serde, with its Confluent-style 4-byte id handler and headers off, finding schemas in the embedded
 * registry over HTTP. Each side must read what the other wrote, and both must write the same bytes.
 */
class ApicurioWireCompatibilityTest {

    private static final String TOPIC = "stories";

    private static ClassSecurityPredicate avroClassTrust;

    private final EmbeddedSchemaRegistry server = EmbeddedSchemaRegistry.start(0);
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl(server.url());
    private final RegistryAvroSerde<Story> galley = RegistryAvroSerde.forValues(Story.class, server.url());

    /** Apicurio's reader loads generated classes by name, which Avro allows only for listed classes. */
    @BeforeAll
    static void trustTheTestRecordsForApicuriosReader() {
        avroClassTrust = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(avroClassTrust,
                ClassSecurityValidator.builder().add(Story.class).add(Desk.class).build()));
    }

    @AfterAll
    static void restoreAvroClassTrust() {
        ClassSecurityValidator.setGlobal(avroClassTrust);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void galleyReadsWhatApicuriosSerializerWrote() {
        byte[] written = apicurioSerializer().serialize(TOPIC, Stories.sample());

        assertThat(galley.deserializer().deserialize(TOPIC, written)).isEqualTo(Stories.sample());
    }

    @Test
    void apicurioReadsWhatGalleysSerializerWrote() {
        byte[] written = galley.serializer().serialize(TOPIC, Stories.sample());

        assertThat(apicurioDeserializer().deserialize(TOPIC, written)).isEqualTo(Stories.sample());
    }

    @Test
    void bothSerializersWriteIdenticalBytesForTheSameRecordAndId() {
        byte[] byApicurio = apicurioSerializer().serialize(TOPIC, Stories.sample());
        byte[] byGalley = galley.serializer().serialize(TOPIC, Stories.sample());

        int id = registry.latest("stories-value").id();
        assertThat(byGalley).isEqualTo(byApicurio);
        assertThat(Arrays.copyOf(byApicurio, 5)).isEqualTo(WireFormat.header(id));
        assertThat(registry.subjects()).containsExactly("stories-value");
    }

    @Test
    void galleyReadsAnOlderSchemaApicurioWroteIntoTheCurrentClass() {
        GenericRecord v1 = new GenericData.Record(Stories.STORY_V1);
        v1.put("id", "story-1");
        v1.put("headline", "Old news");
        v1.put("wordCount", 120);
        v1.put("tags", List.of("archive"));
        v1.put("desk", new GenericData.EnumSymbol(Stories.STORY_V1.getField("desk").schema(), "SPORT"));
        v1.put("publishedAt", 5L);

        byte[] written = apicurioSerializer().serialize(TOPIC, v1);
        Story read = galley.deserializer().deserialize(TOPIC, written);

        assertThat(read.getHeadline()).isEqualTo("Old news");
        assertThat(read.getDesk()).isEqualTo(Desk.SPORT);
        assertThat(read.getPublishedAt()).isEqualTo(5L);
        assertThat(read.getKicker()).isNull();
    }

    private <U> AvroKafkaSerializer<U> apicurioSerializer() {
        AvroKafkaSerializer<U> serializer = new AvroKafkaSerializer<>(new GalleyBackedSchemaResolver<>(registry));
        serializer.configure(apicurioConfig(), false);
        return serializer;
    }

    private AvroKafkaDeserializer<Story> apicurioDeserializer() {
        AvroKafkaDeserializer<Story> deserializer = new AvroKafkaDeserializer<>();
        deserializer.setSchemaResolver(new GalleyBackedSchemaResolver<>(registry));
        Map<String, Object> config = new HashMap<>(apicurioConfig());
        config.put("apicurio.registry.use-specific-avro-reader", "true");
        deserializer.configure(config, false);
        return deserializer;
    }

    /** Confluent framing: magic byte, then the id as 4 bytes (the registry's id as Apicurio's content id), no headers. */
    private static Map<String, Object> apicurioConfig() {
        return Map.of(
                "apicurio.registry.id-handler", Legacy4ByteIdHandler.class.getName(),
                "apicurio.registry.headers.enabled", "false",
                "apicurio.registry.use-id", "contentId");
    }
}
