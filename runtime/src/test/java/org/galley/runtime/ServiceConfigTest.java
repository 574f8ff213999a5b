package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void kafkaVariablesBecomeKafkaProperties() {
        ServiceConfig config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "KAFKA_SASL_JAAS_CONFIG", "secret",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "GALLEY_SITE_NAME", "The Daily"));

        Properties props = config.kafkaProperties();

        assertThat(props)
                .containsEntry("bootstrap.servers", "broker:29092")
                .containsEntry("sasl.jaas.config", "secret")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey("galley.site.name")
                .hasSize(3);
    }

    @Test
    void localDefaultsApplyWhenNothingIsSet() {
        ServiceConfig config = new ServiceConfig(Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.kafkaProperties()).containsOnly(Map.entry("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void blankValuesCountAsUnset() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_TOPIC_PARTITIONS", "  "));

        assertThat(config.getInt("GALLEY_TOPIC_PARTITIONS", 3)).isEqualTo(3);
    }

    @Test
    void aNumberThatIsNotANumberNamesTheVariable() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_TOPIC_PARTITIONS", "three"));

        assertThatThrownBy(() -> config.getInt("GALLEY_TOPIC_PARTITIONS", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GALLEY_TOPIC_PARTITIONS")
                .hasMessageContaining("three");
    }

    @Test
    void aSwitchIsTrueOrFalseInAnyCaseAndAnythingElseNamesTheVariable() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_OPS_ENABLED", " FALSE ", "GALLEY_SITE_SERVE", "yes"));

        assertThat(config.getBoolean("GALLEY_OPS_ENABLED", true)).isFalse();
        assertThat(config.getBoolean("GALLEY_CREATE_TOPICS", true)).isTrue();
        assertThatThrownBy(() -> config.getBoolean("GALLEY_SITE_SERVE", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GALLEY_SITE_SERVE")
                .hasMessageContaining("yes");
    }

    @Test
    void overridesReplaceOnlyWhatTheyName() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_SITE_NAME", "A", "GALLEY_SITE_DOMAIN", "a.org"))
                .with(Map.of("GALLEY_SITE_NAME", "B"));

        assertThat(config.get("GALLEY_SITE_NAME", "")).isEqualTo("B");
        assertThat(config.get("GALLEY_SITE_DOMAIN", "")).isEqualTo("a.org");
    }

    @Test
    void siteUrlsJoinBaseAndPathWithOneSlash() {
        SiteSettings site = SiteSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_SITE_BASE_URL", "https://news.example/")));

        assertThat(site.urlOf("/ai/story/")).isEqualTo("https://news.example/ai/story/");
        assertThat(site.urlOf("ai/story/")).isEqualTo("https://news.example/ai/story/");
    }

    @Test
    void theRegistryClientTakesConfluentsSettingsFromSchemaRegistryVariables() {
        ServiceConfig config = new ServiceConfig(Map.of("SCHEMA_REGISTRY_URL", "https://registry.example:8081",
                "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "galley:secret",
                "GALLEY_REGISTRY_RETRY_TIMEOUT_MS", "2000"));

        assertThat(config.registryClientProperties())
                .containsEntry("schema.registry.url", "https://registry.example:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "galley:secret")
                .containsEntry("galley.registry.retry.timeout.ms", "2000");
    }
}
