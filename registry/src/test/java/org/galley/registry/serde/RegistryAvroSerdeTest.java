package org.galley.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;
import org.galley.registry.testing.Desk;
import org.galley.registry.testing.Stories;
import org.galley.registry.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serde against an in-memory {@code mock://} registry: framing, encoding, errors and evolution. */
class RegistryAvroSerdeTest {

    private static final String TOPIC = "stories";

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final String url = "mock://" + scope;
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl(url);
    private final RegistryAvroSerde<Story> serde = RegistryAvroSerde.forValues(Story.class, url);

    @AfterEach
    void dropScope() {
        SchemaRegistryClients.dropMockScope(scope);
    }

    @Test
    void recordSurvivesARoundTrip() {
        Story story = Stories.sample();

        byte[] bytes = serde.serializer().serialize(TOPIC, story);

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(story);
    }

    @Test
    void firstFiveBytesAreMagicZeroAndTheRegisteredIdBigEndian() {
        registry.register("padding-value", Schema.create(Schema.Type.STRING));
        registry.register("more-padding-value", Schema.create(Schema.Type.LONG));

        byte[] bytes = serde.serializer().serialize(TOPIC, Stories.sample());

        int id = registry.latest("stories-value").id();
        assertThat(id).isEqualTo(3);
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x00, 0x00, 0x00, 0x03);
    }

    @Test
    void payloadAfterTheHeaderIsAvrosOwnBinaryEncodingOfTheRecord() throws IOException {
        byte[] bytes = serde.serializer().serialize(TOPIC, Stories.sample());

        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(genericEncoding(Story.getClassSchema(), sampleAsGeneric()));
    }

    @Test
    void serializerRegistersTheClassSchemaUnderTopicValueSubjectOrKeySubject() {
        serde.serializer().serialize(TOPIC, Stories.sample());
        RegistryAvroSerde<Story> keys = new RegistryAvroSerde<>(Story.class);
        keys.configure(Map.of("schema.registry.url", url), true);
        keys.serializer().serialize("by-story", Stories.sample());

        assertThat(registry.subjects()).containsExactly("by-story-key", "stories-value");
        assertThat(registry.latest("stories-value").schema()).isEqualTo(Story.getClassSchema());
    }

    @Test
    void unknownMagicByteIsASerializationException() {
        byte[] bytes = serde.serializer().serialize(TOPIC, Stories.sample());
        bytes[0] = 0x01;

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte");
    }

    @Test
    void unknownSchemaIdIsASerializationExceptionNamingTheId() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'x'};

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("12345");
    }

    @Test
    void nullSerializesToNullAndBack() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void dataWrittenWithVersionOneReadsAsVersionTwoWithTheNewFieldDefaulted() throws IOException {
        int v1Id = registry.register("stories-value", Stories.STORY_V1);
        GenericRecord v1 = new GenericData.Record(Stories.STORY_V1);
        v1.put("id", "story-1");
        v1.put("headline", "Old news");
        v1.put("wordCount", 120);
        v1.put("tags", List.of("archive"));
        v1.put("desk", new GenericData.EnumSymbol(Stories.STORY_V1.getField("desk").schema(), "CULTURE"));
        v1.put("publishedAt", null);
        byte[] written = concat(WireFormat.header(v1Id), genericEncoding(Stories.STORY_V1, v1));

        Story read = serde.deserializer().deserialize(TOPIC, written);

        assertThat(read.getId()).isEqualTo("story-1");
        assertThat(read.getDesk()).isEqualTo(Desk.CULTURE);
        assertThat(read.getTags()).containsExactly("archive");
        assertThat(read.getKicker()).isNull();
    }

    @Test
    void versionTwoIsAcceptedAsABackwardCompatibleSuccessorOfVersionOne() {
        int v1Id = registry.register("stories-value", Stories.STORY_V1);

        byte[] bytes = serde.serializer().serialize(TOPIC, Stories.sample());

        assertThat(WireFormat.schemaId(bytes)).isNotEqualTo(v1Id);
        assertThat(registry.latest("stories-value").version()).isEqualTo(2);
    }

    @Test
    void withoutAutoRegisterTheSerializerUsesTheRegisteredIdOrFailsClearly() {
        RegistryAvroSerializer<Story> lookupOnly = new RegistryAvroSerializer<>(Story.class);
        lookupOnly.configure(Map.of("schema.registry.url", url, "auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> lookupOnly.serialize(TOPIC, Stories.sample()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject 'stories-value'")
                .hasMessageContaining("auto.register.schemas is false");
        assertThat(registry.subjects()).isEmpty();

        int id = registry.register("stories-value", Story.getClassSchema());
        assertThat(WireFormat.schemaId(lookupOnly.serialize(TOPIC, Stories.sample()))).isEqualTo(id);
    }

    @Test
    void serializerUsedBeforeConfigureFailsClearly() {
        RegistryAvroSerializer<Story> unconfigured = new RegistryAvroSerializer<>(Story.class);

        assertThatThrownBy(() -> unconfigured.serialize(TOPIC, Stories.sample()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private static GenericRecord sampleAsGeneric() {
        Story story = Stories.sample();
        Schema schema = Story.getClassSchema();
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", story.getId());
        record.put("headline", story.getHeadline());
        record.put("wordCount", story.getWordCount());
        record.put("tags", story.getTags());
        record.put("desk", new GenericData.EnumSymbol(schema.getField("desk").schema(), story.getDesk().name()));
        record.put("publishedAt", story.getPublishedAt());
        record.put("kicker", story.getKicker());
        return record;
    }

    private static byte[] genericEncoding(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
