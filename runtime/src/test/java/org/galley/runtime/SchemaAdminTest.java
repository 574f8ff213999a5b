package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.CacheInvalidation;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;
import org.galley.registry.serde.WireFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaAdminTest {

    private static final String SCOPE = "schema-admin-test";
    private static final ServiceConfig CONFIG = new ServiceConfig(Map.of("SCHEMA_REGISTRY_URL", "mock://" + SCOPE));

    private final Topics topics = Topics.fromConfig(CONFIG);
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://" + SCOPE);

    @AfterEach
    void forgetTheRegistry() {
        SchemaRegistryClients.dropMockScope(SCOPE);
    }

    @Test
    void everyAvroTopicHasItsValueSubjectWithTheGeneratedClassSchemaAndTheRawTopicsHaveNone() {
        Map<String, Schema> subjects = SchemaAdmin.subjects(topics.all());

        assertThat(subjects).containsExactly(
                Map.entry("articles.submitted-value", ArticleSubmitted.getClassSchema()),
                Map.entry("articles.accepted-value", ArticleAccepted.getClassSchema()),
                Map.entry("articles.rejected-value", ArticleRejected.getClassSchema()),
                Map.entry("articles.enriched-value", ArticleEnriched.getClassSchema()),
                Map.entry("articles.published-value", ArticlePublished.getClassSchema()),
                Map.entry("cache-invalidations-value", CacheInvalidation.getClassSchema()));
    }

    @Test
    void aServiceRegistersTheSchemasOfItsOutputsBeforeAnyRecordIsWritten() {
        assertThat(registry.subjects()).isEmpty();

        SchemaAdmin.ensure(CONFIG, List.of(topics.submitted(), topics.rejected()));

        assertThat(registry.subjects()).containsExactlyInAnyOrder("articles.submitted-value", "articles.rejected-value");
        assertThat(registry.latest("articles.submitted-value").schema()).isEqualTo(ArticleSubmitted.getClassSchema());
    }

    @Test
    void theRegisteredSchemaIsTheOneTheSerdeWritesWith() {
        SchemaAdmin.ensure(CONFIG, List.of(topics.submitted()));
        int registered = registry.latest("articles.submitted-value").id();

        byte[] written = topics.submitted().valueSerde().serializer().serialize(topics.submitted().name(), story());

        assertThat(WireFormat.schemaId(written)).isEqualTo(registered);
        assertThat(registry.latest("articles.submitted-value").version()).isEqualTo(1);
    }

    @Test
    void startingAgainRegistersNothingNew() {
        SchemaAdmin.ensure(CONFIG, List.of(topics.published()));
        SchemaAdmin.ensure(CONFIG, List.of(topics.published()));

        assertThat(registry.latest("articles.published-value").version()).isEqualTo(1);
    }

    @Test
    void registrationCanBeTurnedOffForRegistriesServicesMayNotWriteTo() {
        SchemaAdmin.ensure(CONFIG.with(Map.of("GALLEY_REGISTER_SCHEMAS", "false")), List.of(topics.submitted()));

        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void aSchemaTheSubjectRefusesFailsTheStart() {
        // A required field with no default, which the generated class cannot read: not backward compatible.
        registry.register("articles.enriched-value", SchemaBuilder.record("Elsewhere").fields()
                .requiredString("somethingElse").endRecord());

        assertThatThrownBy(() -> SchemaAdmin.ensure(CONFIG, List.of(topics.enriched())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("articles.enriched-value");
    }

    @Test
    void anUnreachableRegistryFailsTheStartOnceTheClientGivesUp() throws IOException {
        ServiceConfig unreachable = new ServiceConfig(Map.of(
                "SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + closedPort(),
                "GALLEY_REGISTRY_RETRY_TIMEOUT_MS", "0"));

        assertThatThrownBy(() -> SchemaAdmin.ensure(unreachable, List.of(Topics.fromConfig(unreachable).submitted())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("articles.submitted-value");
    }

    @Test
    void aServiceThatMustStartDuringAnOutageGoesOnWithoutRegistering() throws IOException {
        ServiceConfig unreachable = new ServiceConfig(Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + closedPort()));

        SchemaAdmin.tryEnsure(unreachable, List.of(Topics.fromConfig(unreachable).cacheInvalidations()));
    }

    @Test
    void aServiceThatMayStartDuringAnOutageStillRegistersWhenTheRegistryAnswers() {
        SchemaAdmin.tryEnsure(CONFIG, List.of(topics.cacheInvalidations()));

        assertThat(registry.latest("cache-invalidations-value").schema()).isEqualTo(CacheInvalidation.getClassSchema());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ArticleSubmitted story() {
        return ArticleSubmitted.newBuilder()
                .setArticleId("a").setRevision(1).setAction(Action.PUBLISH)
                .setHeadline("H").setByline("B").setCategory("C").setBodyMarkdown("Body.")
                .setTags(List.of()).setSubmittedAt(Instant.parse("2026-04-28T09:30:00Z")).setSource("test")
                .build();
    }
}
