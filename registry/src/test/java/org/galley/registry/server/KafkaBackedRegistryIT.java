package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.registry.server.RegistryHttp.schema;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.galley.localkafka.InProcessKafka;
import org.galley.registry.server.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded registry with its schemas in a compacted topic of a real (in-process) broker, across restarts. */
class KafkaBackedRegistryIT {

    private static final String TOPIC = "_schemas";
    private static final String PING = """
            {"type":"record","name":"Ping","namespace":"news","fields":[{"name":"at","type":"long"}]}""";

    private static InProcessKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = InProcessKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void aRegistryStartedAgainOnTheSameTopicHasTheSameIdsVersionsAndLevelsAndHandsOutTheNextId() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        int articleV1;
        int ping;
        int articleV2;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.startOnKafka(0, client)) {
            RegistryHttp http = new RegistryHttp(first.url());
            articleV1 = id(http.post("/subjects/articles-value/versions", schema(EmbeddedSchemaRegistryTest.ARTICLE)));
            ping = id(http.post("/subjects/pings-value/versions", schema(PING)));
            articleV2 = id(http.post("/subjects/articles-value/versions",
                    schema(EmbeddedSchemaRegistryTest.ARTICLE_WITH_TITLE_DEFAULTED)));
            assertThat(http.put("/config/pings-value", Map.of("compatibility", "NONE")).status()).isEqualTo(200);
            assertThat(http.delete("/subjects/pings-value/versions/1").status()).isEqualTo(200);
            assertThat(id(http.post("/subjects/pings-value/versions", schema(PING)))).isEqualTo(ping);
        }
        assertThat(List.of(articleV1, ping, articleV2)).containsExactly(1, 2, 3);

        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.startOnKafka(0, client)) {
            RegistryHttp http = new RegistryHttp(second.url());
            assertThat(http.get("/subjects/articles-value/versions").json().toString()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/articles-value/versions/2").json().path("id").asInt()).isEqualTo(articleV2);
            assertThat(http.get("/subjects/pings-value/versions").json().toString())
                    .as("the deleted version 1 stays deleted; its re-registration is version 2").isEqualTo("[2]");
            assertThat(http.get("/schemas/ids/" + articleV1 + "/schema").json().path("name").asText()).isEqualTo("Article");
            assertThat(http.get("/config/pings-value").json().path("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(id(http.post("/subjects/articles-value/versions", schema(EmbeddedSchemaRegistryTest.ARTICLE))))
                    .as("a schema already registered keeps its id").isEqualTo(articleV1);

            int next = id(http.post("/subjects/others-value/versions", schema("\"string\"")));

            assertThat(next).isEqualTo(4);
        }
        try (Admin admin = Admin.create(client)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(1);
        }
    }

    private static int id(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("id").asInt();
    }
}
