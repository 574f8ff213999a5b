package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.galley.registry.StubRegistry.Reply;
import org.galley.registry.serde.RegistryAvroSerde;
import org.galley.registry.testing.Stories;
import org.galley.registry.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Authorization header the client sends for each of Confluent's credential settings, as a registry receives it. */
class RegistryAuthenticationTest {

    private static final String STRING_SCHEMA = "\"string\"";

    private final StubRegistry registry = StubRegistry.http(n -> Reply.schema(STRING_SCHEMA));

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void userInfoIsSentAsBasicAuthentication() {
        SchemaRegistryClients.forConfig(Map.of("schema.registry.url", registry.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "galley:s3cr:et")).schemaById(1);

        assertThat(registry.authorizations()).containsExactly(basic("galley:s3cr:et"));
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthentication() {
        String url = registry.url().replace("http://", "http://galley:p%40ss@");

        SchemaRegistryClients.forConfig(Map.of("schema.registry.url", url)).schemaById(1);

        assertThat(registry.authorizations()).containsExactly(basic("galley:p@ss"));
    }

    @Test
    void aStaticTokenIsSentAsBearerAuthentication() {
        SchemaRegistryClients.forConfig(Map.of("schema.registry.url", registry.url(),
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "eyJ.token")).schemaById(1);

        assertThat(registry.authorizations()).containsExactly("Bearer eyJ.token");
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSent() {
        SchemaRegistryClients.forUrl(registry.url()).schemaById(1);

        assertThat(registry.authorizations()).containsExactly("");
    }

    @Test
    void theSerdesPassTheirCredentialSettingsToTheClient() {
        try (StubRegistry idRegistry = StubRegistry.http(n -> new Reply(200, "{\"id\":5}"))) {
            RegistryAvroSerde<Story> serde = RegistryAvroSerde.forValues(Story.class, Map.of("schema.registry.url", idRegistry.url(),
                    "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "galley:s3cret"));

            serde.serializer().serialize("stories", Stories.sample());

            assertThat(idRegistry.authorizations()).containsExactly(basic("galley:s3cret"));
            assertThat(idRegistry.paths()).containsExactly("/subjects/stories-value/versions");
        }
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
