package org.galley.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistrySerdeConfigTest {

    @Test
    void readsConfluentKeysWithAutoRegisterOnByDefault() {
        assertThat(RegistrySerdeConfig.from(Map.of("schema.registry.url", " http://r:8081 ")))
                .isEqualTo(new RegistrySerdeConfig("http://r:8081", true));
        assertThat(RegistrySerdeConfig.from(Map.of("schema.registry.url", "mock://x", "auto.register.schemas", "false")))
                .isEqualTo(new RegistrySerdeConfig("mock://x", false));
        assertThat(RegistrySerdeConfig.from(Map.of("schema.registry.url", "mock://x", "auto.register.schemas", false)).autoRegister())
                .isFalse();
    }

    @Test
    void missingUrlOrBadFlagIsAConfigError() {
        assertThatThrownBy(() -> RegistrySerdeConfig.from(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistrySerdeConfig.from(Map.of("schema.registry.url", "mock://x", "auto.register.schemas", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    }

    @Test
    void subjectsFollowTopicNameStrategy() {
        assertThat(TopicNameStrategy.subject("articles.submitted", false)).isEqualTo("articles.submitted-value");
        assertThat(TopicNameStrategy.subject("articles.submitted", true)).isEqualTo("articles.submitted-key");
    }
}
