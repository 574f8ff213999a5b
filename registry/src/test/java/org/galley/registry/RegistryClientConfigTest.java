package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Confluent's client property names read into URLs, credentials and retry settings, and their variables. */
class RegistryClientConfigTest {

    private static final String URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;

    @Test
    void eachPropertyHasASchemaRegistryOrGalleyVariable() {
        assertThat(RegistryClientConfig.environmentVariable("schema.registry.url")).isEqualTo("SCHEMA_REGISTRY_URL");
        assertThat(RegistryClientConfig.environmentVariable("basic.auth.credentials.source"))
                .isEqualTo("SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE");
        assertThat(RegistryClientConfig.environmentVariable("basic.auth.user.info")).isEqualTo("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");
        assertThat(RegistryClientConfig.environmentVariable("bearer.auth.token")).isEqualTo("SCHEMA_REGISTRY_BEARER_AUTH_TOKEN");
        assertThat(RegistryClientConfig.environmentVariable("schema.registry.ssl.truststore.location"))
                .isEqualTo("SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION");
        assertThat(RegistryClientConfig.environmentVariable("galley.registry.retry.timeout.ms"))
                .isEqualTo("GALLEY_REGISTRY_RETRY_TIMEOUT_MS");
    }

    @Test
    void theEnvironmentBecomesTheConfigMapASerdeTakes() {
        Map<String, String> env = Map.of(
                "SCHEMA_REGISTRY_URL", "https://registry:8081",
                "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "galley:s3cret",
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", " ",
                "SCHEMA_REGISTRY_HOST_NAME", "the registry server's own setting",
                "PATH", "/usr/bin");

        assertThat(RegistryClientConfig.fromEnvironment(env)).containsExactly(
                Map.entry("schema.registry.url", "https://registry:8081"),
                Map.entry("basic.auth.credentials.source", "USER_INFO"),
                Map.entry("basic.auth.user.info", "galley:s3cret"));
    }

    @Test
    void userInfoSendsOneBasicHeaderToEveryUrl() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(URL, "http://a:8081,http://b:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "galley:s3cret"));

        assertThat(config.endpoints()).extracting(RegistryClientConfig.Endpoint::authorization)
                .containsExactly("Basic Z2FsbGV5OnMzY3JldA==", "Basic Z2FsbGV5OnMzY3JldA==");
    }

    @Test
    void confluentsOlderUserInfoNameIsReadToo() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO", "schema.registry.basic.auth.user.info", "galley:s3cret"));

        assertThat(config.endpoints().get(0).authorization()).isEqualTo("Basic Z2FsbGV5OnMzY3JldA==");
    }

    @Test
    void byDefaultCredentialsComeFromEachUrlWhichIsThenSentWithoutThem() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(URL, "https://galley:s3cret@a:8081,http://b:8081"));

        assertThat(config.endpoints()).extracting(RegistryClientConfig.Endpoint::base)
                .containsExactly(URI.create("https://a:8081/"), URI.create("http://b:8081/"));
        assertThat(config.endpoints()).extracting(RegistryClientConfig.Endpoint::authorization)
                .containsExactly("Basic Z2FsbGV5OnMzY3JldA==", null);
        assertThat(config.endpoints().toString()).doesNotContain("s3cret");
    }

    @Test
    void aStaticBearerTokenIsSentAsBearer() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t0ken"));

        assertThat(config.endpoints().get(0).authorization()).isEqualTo("Bearer t0ken");
    }

    @Test
    void missingOrConflictingOrUnsupportedCredentialSettingsFailNamingTheProperty() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "bearer.auth.credentials.source", "STATIC_TOKEN")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bearer.auth.token");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "a:b",
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Only one of");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.credentials.source");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "http://a:8081",
                "bearer.auth.credentials.source", "OAUTHBEARER")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STATIC_TOKEN");
    }

    @Test
    void retrySettingsAreReadInMillisecondsWithDefaults() {
        assertThat(RegistryClientConfig.from(Map.of(URL, "http://a:8081")).retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(RegistryClientConfig.from(Map.of(URL, "http://a:8081", "galley.registry.retry.timeout.ms", "250",
                "retries.wait.ms", 10, "retries.max.wait.ms", "40")).retry())
                .isEqualTo(new RetryPolicy(Duration.ofMillis(250), Duration.ofMillis(10), Duration.ofMillis(40)));
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "http://a:8081", "galley.registry.retry.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("galley.registry.retry.timeout.ms");
    }

    @Test
    void anUnreadableTruststoreFailsNamingItsProperty() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(URL, "https://a:8081",
                "schema.registry.ssl.truststore.location", "/no/such/truststore.jks")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.ssl.truststore.location");
    }
}
