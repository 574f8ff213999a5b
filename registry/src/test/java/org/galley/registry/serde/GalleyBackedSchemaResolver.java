package org.galley.registry.serde;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.ParsedSchemaImpl;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.galley.registry.SchemaRegistryClient;

/**
 * Lets Apicurio's Avro serializer and deserializer find schemas in a Confluent-compatible registry
 * through Galley's client: Apicurio's serdes speak Apicurio's own registry API, so this resolver
 * stands in for theirs. It registers under Confluent's {@code <topic>-value}/{@code -key} subject and
 * hands back the registry's global id as both Apicurio ids, so Apicurio's 4-byte id handler writes and
 * reads exactly the id Galley's serde uses. The bytes themselves stay Apicurio's work.
 */
final class GalleyBackedSchemaResolver<U> implements SchemaResolver<Schema, U> {

    private final SchemaRegistryClient registry;
    private SchemaParser<Schema, U> parser;

    GalleyBackedSchemaResolver(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, SchemaParser<Schema, U> schemaParser) {
        this.parser = schemaParser;
    }

    @Override
    public void setClient(RegistryClient client) {
        // Apicurio's own registry client is not used: schemas come from Galley's.
    }

    @Override
    public void setArtifactResolverStrategy(ArtifactReferenceResolverStrategy<Schema, U> strategy) {
        // Subjects follow Confluent's TopicNameStrategy instead.
    }

    @Override
    public SchemaParser<Schema, U> getSchemaParser() {
        return parser;
    }

    @Override
    public SchemaLookupResult<Schema> resolveSchema(Record<U> record) {
        KafkaSerdeMetadata metadata = (KafkaSerdeMetadata) record.metadata();
        ParsedSchema<Schema> schema = parser.getSchemaFromData(record);
        String subject = TopicNameStrategy.subject(metadata.getTopic(), metadata.isKey());
        return found(registry.register(subject, schema.getParsedSchema()), schema);
    }

    @Override
    public SchemaLookupResult<Schema> resolveSchemaByArtifactReference(ArtifactReference reference) {
        long id = reference.getContentId() != null ? reference.getContentId() : reference.getGlobalId();
        byte[] raw = registry.schemaById((int) id).toString().getBytes(StandardCharsets.UTF_8);
        Schema parsed = parser.parseSchema(raw, Map.of());
        return found(id, new ParsedSchemaImpl<Schema>().setParsedSchema(parsed).setRawSchema(raw));
    }

    @Override
    public void reset() {
    }

    @Override
    public void close() {
    }

    private static SchemaLookupResult<Schema> found(long id, ParsedSchema<Schema> schema) {
        return SchemaLookupResult.<Schema>builder().parsedSchema(schema).globalId(id).contentId(id).build();
    }
}
