package org.galley.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private static final Path LOG_DIR = Path.of("/tmp/galley-kafka-test");

    @Test
    void everyListenerIsOnTheLoopbackAddress() {
        Properties props = BrokerProperties.of(9092, 9093, LOG_DIR, new Properties());

        assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
    }

    @Test
    void overridesWinOverDefaults() {
        Properties overrides = new Properties();
        overrides.put("num.partitions", "1");

        assertThat(BrokerProperties.of(9092, 9093, LOG_DIR, overrides).getProperty("num.partitions")).isEqualTo("1");
    }

    @Test
    void settingsThatMakeItASingleLoopbackNodeCannotBeOverridden() {
        Properties overrides = new Properties();
        overrides.put("listeners", "PLAINTEXT://0.0.0.0:9092");

        assertThatThrownBy(() -> BrokerProperties.of(9092, 9093, LOG_DIR, overrides))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }
}
