package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void defaultsAreOneMebibytePort8082AndNoToken() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of()));

        assertThat(settings.maxStoryBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.httpPort()).isEqualTo(8082);
        assertThat(settings.bearerToken()).isEmpty();
        assertThat(settings.siteBaseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void theEnvironmentSetsEveryValue() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of(
                "GALLEY_MAX_STORY_BYTES", "2048", "GALLEY_INGEST_PORT", "9000", "GALLEY_INGEST_TOKEN", "t0ken",
                "GALLEY_SITE_BASE_URL", "https://news.example.org/")));

        assertThat(settings.maxStoryBytes()).isEqualTo(2048);
        assertThat(settings.httpPort()).isEqualTo(9000);
        assertThat(settings.bearerToken()).hasValue("t0ken");
        assertThat(settings.siteBaseUrl()).isEqualTo("https://news.example.org");
    }

    @Test
    void theTokenNeverAppearsInTheSettingsText() {
        assertThat(IngestSettings.defaults().withBearerToken("t0ken").toString()).doesNotContain("t0ken");
    }

    @Test
    void aSizeLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_MAX_STORY_BYTES", "0"))))
                .hasMessageContaining("GALLEY_MAX_STORY_BYTES");
    }
}
