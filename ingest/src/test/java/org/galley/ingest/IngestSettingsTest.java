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
        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.applicationServer()).isEqualTo("localhost:8082");
    }

    @Test
    void theAdvertisedUrlDefaultsToLocalhostOnTheChosenPort() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_PORT", "9100")));

        assertThat(settings.applicationServer()).isEqualTo("localhost:9100");
    }

    @Test
    void theAdvertisedUrlMayBeGivenWithOrWithoutScheme() {
        assertThat(advertised("http://ingest-2.internal:8082/")).isEqualTo("ingest-2.internal:8082");
        assertThat(advertised("10.0.0.7:8082")).isEqualTo("10.0.0.7:8082");
    }

    @Test
    void anAdvertisedUrlWithoutPortIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> advertised("http://ingest-2.internal"))
                .hasMessageContaining("GALLEY_INGEST_ADVERTISED_URL");
    }

    @Test
    void theEnvironmentSetsEveryValue() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of(
                "GALLEY_MAX_STORY_BYTES", "2048", "GALLEY_INGEST_PORT", "9000", "GALLEY_INGEST_TOKEN", "t0ken",
                "GALLEY_SITE_BASE_URL", "https://news.example.org/", "GALLEY_INGEST_HOST", "127.0.0.1")));

        assertThat(settings.maxStoryBytes()).isEqualTo(2048);
        assertThat(settings.httpPort()).isEqualTo(9000);
        assertThat(settings.bearerToken()).hasValue("t0ken");
        assertThat(settings.siteBaseUrl()).isEqualTo("https://news.example.org");
        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
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

    private static String advertised(String url) {
        return IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_ADVERTISED_URL", url)))
                .applicationServer();
    }
}
