package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.registry.server.RegistryHttp.json;
import static org.galley.registry.server.RegistryHttp.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.galley.registry.server.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confluent's REST API as the embedded registry serves it over real HTTP. */
class EmbeddedSchemaRegistryTest {

    static final String ARTICLE = """
            {"type":"record","name":"Article","namespace":"news","fields":[{"name":"id","type":"string"}]}""";
    static final String ARTICLE_WITH_TITLE_DEFAULTED = """
            {"type":"record","name":"Article","namespace":"news","fields":[
              {"name":"id","type":"string"},{"name":"title","type":"string","default":""}]}""";
    static final String ARTICLE_WITH_TITLE_REQUIRED = """
            {"type":"record","name":"Article","namespace":"news","fields":[
              {"name":"id","type":"string"},{"name":"title","type":"string"}]}""";

    private EmbeddedSchemaRegistry registry;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(0);
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void startsOnAFreeLoopbackPortAndNamesItInItsUrl() {
        assertThat(registry.port()).isPositive();
        assertThat(registry.url()).isEqualTo("http://localhost:" + registry.port());
    }

    @Test
    void rootAnswersAnEmptyObjectAndSchemaTypesListOnlyAvro() {
        Answer root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(root.json()).isEqualTo(json("{}"));
        assertThat(http.get("/schemas/types").json()).isEqualTo(json("[\"AVRO\"]"));
    }

    @Test
    void registeringReturnsAnIdAndTheSameSchemaAgainAddsNoVersion() {
        Answer first = http.post("/subjects/articles-value/versions", schema(ARTICLE));
        Answer again = http.post("/subjects/articles-value/versions", Map.of("schema", ARTICLE, "schemaType", "AVRO", "references", List.of()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(json("{\"id\":1}"));
        assertThat(again.json()).isEqualTo(json("{\"id\":1}"));
        assertThat(http.get("/subjects/articles-value/versions").json()).isEqualTo(json("[1]"));
    }

    @Test
    void theSameSchemaUnderAnotherSubjectReusesItsGlobalId() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));
        http.post("/subjects/other-value/versions", schema("\"string\""));

        assertThat(http.post("/subjects/archive-value/versions", schema(ARTICLE)).json()).isEqualTo(json("{\"id\":1}"));
        assertThat(http.get("/schemas/ids/1/versions").json()).isEqualTo(json("""
                [{"subject":"archive-value","version":1},{"subject":"articles-value","version":1}]"""));
    }

    @Test
    void backwardByDefaultAcceptsANewFieldWithADefaultAndRejectsOneWithout() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));

        Answer rejected = http.post("/subjects/articles-value/versions", schema(ARTICLE_WITH_TITLE_REQUIRED));
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.errorCode()).isEqualTo(409);
        assertThat(rejected.json().get("message").asText()).contains("incompatible").contains("READER_FIELD_MISSING_DEFAULT_VALUE");

        assertThat(http.post("/subjects/articles-value/versions", schema(ARTICLE_WITH_TITLE_DEFAULTED)).json())
                .isEqualTo(json("{\"id\":2}"));
        assertThat(http.get("/subjects/articles-value/versions").json()).isEqualTo(json("[1,2]"));
    }

    @Test
    void invalidOrNonAvroSchemasAreUnprocessable() {
        Answer invalid = http.post("/subjects/a-value/versions", schema("{\"type\":\"record\",\"name\":\"X\"}"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42201);

        Answer protobuf = http.post("/subjects/a-value/versions", Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"));
        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.json().get("message").asText()).contains("PROTOBUF").contains("AVRO schemas only");

        Answer malformed = http.post("/subjects/a-value/versions", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void lookingUpASchemaUnderASubjectAnswersItsVersionOrWhatIsMissing() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));

        Answer found = http.post("/subjects/articles-value", schema(ARTICLE));
        assertThat(found.json()).isEqualTo(json(String.format(
                "{\"subject\":\"articles-value\",\"id\":1,\"version\":1,\"schema\":%s}", quoted(canonical(ARTICLE)))));

        assertThat(http.post("/subjects/nothing-value", schema(ARTICLE)).errorCode()).isEqualTo(40401);
        Answer otherSchema = http.post("/subjects/articles-value", schema(ARTICLE_WITH_TITLE_DEFAULTED));
        assertThat(otherSchema.status()).isEqualTo(404);
        assertThat(otherSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void schemasAreServedByIdAsJsonRawAndWithTheirUses() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));

        assertThat(http.get("/schemas/ids/1").json()).isEqualTo(json("{\"schema\":" + quoted(canonical(ARTICLE)) + "}"));
        assertThat(http.get("/schemas/ids/1/schema").json()).isEqualTo(json(ARTICLE));
        assertThat(http.get("/schemas/ids/1/versions").json()).isEqualTo(json("[{\"subject\":\"articles-value\",\"version\":1}]"));

        Answer unknown = http.get("/schemas/ids/99");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(http.get("/schemas/ids/99/versions").errorCode()).isEqualTo(40403);
    }

    @Test
    void subjectsAndTheirVersionsAreListedAndServed() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));
        http.post("/subjects/articles-value/versions", schema(ARTICLE_WITH_TITLE_DEFAULTED));
        http.post("/subjects/authors-value/versions", schema("\"string\""));

        assertThat(http.get("/subjects").json()).isEqualTo(json("[\"articles-value\",\"authors-value\"]"));
        assertThat(http.get("/subjects/articles-value/versions/latest").json()).isEqualTo(json(String.format(
                "{\"subject\":\"articles-value\",\"id\":2,\"version\":2,\"schema\":%s}", quoted(canonical(ARTICLE_WITH_TITLE_DEFAULTED)))));
        assertThat(http.get("/subjects/articles-value/versions/1").json().get("id").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/articles-value/versions/1/schema").json()).isEqualTo(json(ARTICLE));
        assertThat(http.get("/subjects/articles-value/versions/latest/schema").json()).isEqualTo(json(ARTICLE_WITH_TITLE_DEFAULTED));
    }

    @Test
    void missingSubjectsAndVersionsAndInvalidVersionsHaveConfluentErrorCodes() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));

        assertThat(http.get("/subjects/nothing-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/nothing-value/versions/latest").errorCode()).isEqualTo(40401);
        Answer missingVersion = http.get("/subjects/articles-value/versions/7");
        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.errorCode()).isEqualTo(40402);
        Answer invalidVersion = http.get("/subjects/articles-value/versions/first");
        assertThat(invalidVersion.status()).isEqualTo(422);
        assertThat(invalidVersion.errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/articles-value/versions/0").errorCode()).isEqualTo(42202);
    }

    @Test
    void deletingAVersionAndThenTheSubjectAnswersWhatWasDeleted() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));
        http.post("/subjects/articles-value/versions", schema(ARTICLE_WITH_TITLE_DEFAULTED));

        assertThat(http.delete("/subjects/articles-value/versions/2").json()).isEqualTo(json("2"));
        assertThat(http.get("/subjects/articles-value/versions").json()).isEqualTo(json("[1]"));
        assertThat(http.delete("/subjects/articles-value").json()).isEqualTo(json("[1]"));
        assertThat(http.get("/subjects").json()).isEqualTo(json("[]"));
        assertThat(http.delete("/subjects/articles-value").errorCode()).isEqualTo(40401);
        assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
    }

    @Test
    void compatibilityCheckAnswersWithoutRegisteringAndExplainsWhenVerbose() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));

        assertThat(http.post("/compatibility/subjects/articles-value/versions/latest", schema(ARTICLE_WITH_TITLE_DEFAULTED)).json())
                .isEqualTo(json("{\"is_compatible\":true}"));
        assertThat(http.post("/compatibility/subjects/articles-value/versions/1", schema(ARTICLE_WITH_TITLE_REQUIRED)).json())
                .isEqualTo(json("{\"is_compatible\":false}"));
        Answer verbose = http.post("/compatibility/subjects/articles-value/versions?verbose=true", schema(ARTICLE_WITH_TITLE_REQUIRED));
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("title");

        assertThat(http.get("/subjects/articles-value/versions").json()).isEqualTo(json("[1]"));
        assertThat(http.post("/compatibility/subjects/nothing-value/versions/latest", schema(ARTICLE)).errorCode()).isEqualTo(40401);
    }

    @Test
    void globalConfigDefaultsToBackwardAndCanBeChanged() {
        assertThat(http.get("/config").json()).isEqualTo(json("{\"compatibilityLevel\":\"BACKWARD\"}"));

        assertThat(http.put("/config", Map.of("compatibility", "FULL")).json()).isEqualTo(json("{\"compatibility\":\"FULL\"}"));
        assertThat(http.get("/config").json()).isEqualTo(json("{\"compatibilityLevel\":\"FULL\"}"));

        Answer invalid = http.put("/config", Map.of("compatibility", "SOMETIMES"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42203);
    }

    @Test
    void subjectConfigOverridesTheGlobalLevelUntilDeleted() {
        http.post("/subjects/articles-value/versions", schema(ARTICLE));

        Answer unset = http.get("/config/articles-value");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/articles-value?defaultToGlobal=true").json()).isEqualTo(json("{\"compatibilityLevel\":\"BACKWARD\"}"));

        assertThat(http.put("/config/articles-value", Map.of("compatibility", "none")).json()).isEqualTo(json("{\"compatibility\":\"NONE\"}"));
        assertThat(http.get("/config/articles-value").json()).isEqualTo(json("{\"compatibilityLevel\":\"NONE\"}"));
        assertThat(http.post("/subjects/articles-value/versions", schema(ARTICLE_WITH_TITLE_REQUIRED)).status()).isEqualTo(200);

        assertThat(http.delete("/config/articles-value").json()).isEqualTo(json("{\"compatibilityLevel\":\"NONE\"}"));
        assertThat(http.get("/config/articles-value").errorCode()).isEqualTo(40408);
    }

    @Test
    void subjectNamesInPathsArePercentDecoded() {
        assertThat(http.post("/subjects/desk%2Fsport%20%2B%20results-value/versions", schema(ARTICLE)).status()).isEqualTo(200);

        assertThat(http.get("/subjects").json()).isEqualTo(json("[\"desk/sport + results-value\"]"));
        assertThat(http.get("/subjects/desk%2Fsport%20%2B%20results-value/versions/latest").json().get("subject").asText())
                .isEqualTo("desk/sport + results-value");
    }

    @Test
    void acceptsConfluentAndPlainJsonBodiesAndRefusesOthers() {
        String body = "{\"schema\":\"\\\"string\\\"\"}";
        assertThat(http.send("POST", "/subjects/a-value/versions", body, "application/vnd.schemaregistry.v1+json").status()).isEqualTo(200);
        assertThat(http.send("POST", "/subjects/b-value/versions", body, "application/vnd.schemaregistry+json").status()).isEqualTo(200);
        assertThat(http.send("POST", "/subjects/c-value/versions", body, "application/json; charset=utf-8").status()).isEqualTo(200);

        Answer refused = http.send("POST", "/subjects/d-value/versions", body, "text/plain");
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.errorCode()).isEqualTo(415);
    }

    @Test
    void unknownPathsAre404AndWrongMethodsAre405WithErrorJson() {
        Answer unknown = http.get("/no/such/path");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(http.send("PATCH", "/subjects", null, null).status()).isEqualTo(405);
    }

    @Test
    void concurrentRegistrationsGiveOneIdPerDistinctSchema() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String subject = "subject-" + (i % 10) + "-value";
                String fixedName = "{\"type\":\"fixed\",\"name\":\"F" + (i % 5) + "\",\"size\":4}";
                calls.add(callers.submit(() -> ids.add(http.post("/subjects/" + subject + "/versions", schema(fixedName)).json().get("id").asInt())));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(http.get("/subjects").json()).hasSize(10);
    }

    private static String canonical(String schema) {
        return new Schema.Parser().parse(schema).toString();
    }

    private static String quoted(String text) {
        try {
            return RegistryHttp.JSON.writeValueAsString(text);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
