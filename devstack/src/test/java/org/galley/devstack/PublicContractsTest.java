package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.registry.RegistryException;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At run time the registry refuses a change to a public event that an existing consumer could not read. */
class PublicContractsTest {

    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;
    private final Topics topics = Topics.fromConfig(new ServiceConfig(Map.of()));

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(0);
        client = SchemaRegistryClients.forUrl(registry.url());
        PublicContracts.enforce(registry.url(), topics);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void thePublicSubjectsAreTheFourTopicsOutsideTeamsReadOrWrite() {
        assertThat(PublicContracts.subjects(topics)).containsExactly("articles.submitted-value",
                "articles.rejected-value", "articles.published-value", "cache-invalidations-value");
    }

    @Test
    void aPublicEventLosingARequiredFieldIsRefusedThoughItsOwnReadersWouldCope() {
        client.register("articles.published-value", ArticlePublished.getClassSchema());

        // Backward compatible (the new reader ignores slug), but a consumer built on the old schema needs it.
        assertThatThrownBy(() -> client.register("articles.published-value", without(ArticlePublished.getClassSchema(), "slug")))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).errorCode()).isEqualTo(RegistryException.INCOMPATIBLE_SCHEMA));
    }

    @Test
    void aPublicEventMayGainAnOptionalField() {
        int first = client.register("articles.published-value", ArticlePublished.getClassSchema());

        int second = client.register("articles.published-value", withOptionalField(ArticlePublished.getClassSchema()));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anInternalEventKeepsTheRegistrysBackwardDefault() {
        client.register("articles.enriched-value", ArticleEnriched.getClassSchema());

        client.register("articles.enriched-value", without(ArticleEnriched.getClassSchema(), "slug"));

        assertThat(client.latest("articles.enriched-value").schema().getField("slug")).isNull();
    }

    private static Schema without(Schema schema, String field) {
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
                schema.getFields().stream().filter(f -> !f.name().equals(field))
                        .map(f -> new Schema.Field(f, f.schema())).toList());
    }

    private static Schema withOptionalField(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>(schema.getFields().stream()
                .map(f -> new Schema.Field(f, f.schema())).toList());
        fields.add(new Schema.Field("desk", SchemaBuilder.unionOf().nullType().and().stringType().endUnion(), "The desk.",
                Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
