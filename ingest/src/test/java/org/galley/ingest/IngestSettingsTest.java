package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestSettingsTest {

    @Test
    void defaultsAreOneMebibytePort8082EveryInterfaceAndATokenRequired() {
        // No HOSTNAME in this environment: the advertised host falls back to localhost.
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_TOKEN", "t0ken")));

        assertThat(settings.maxStoryBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.httpPort()).isEqualTo(8082);
        assertThat(settings.bearerToken()).hasValue("t0ken");
        assertThat(settings.openWithoutToken()).isFalse();
        assertThat(settings.siteBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.applicationServer()).isEqualTo("localhost:8082");
    }

    @Test
    void withoutATokenIngestRefusesToListenOnEveryInterfaceNamingTheVariablesToSet() {
        assertThatThrownBy(() -> IngestSettings.fromConfig(new ServiceConfig(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refuses to start").hasMessageContaining("0.0.0.0")
                .hasMessageContaining("GALLEY_INGEST_TOKEN").hasMessageContaining("GALLEY_INGEST_HOST=127.0.0.1")
                .hasMessageContaining("GALLEY_INGEST_AUTH=none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "10.0.0.7", "192.168.1.20", "ingest.internal", "example.org",
            "2001:db8::1"})
    void withoutATokenEveryAddressBeyondLoopbackIsRefused(String host) {
        assertThatThrownBy(() -> IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_HOST", host))))
                .hasMessageContaining("GALLEY_INGEST_TOKEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1", "[::1]"})
    void withoutATokenLoopbackIsAllowed(String host) {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_HOST", host)));

        assertThat(settings.bearerToken()).isEmpty();
        assertThat(settings.isLoopbackOnly()).isTrue();
    }

    @Test
    void anExplicitAuthNoneOptsOutOfTheToken() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_AUTH", "none")));

        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.bearerToken()).isEmpty();
        assertThat(settings.openWithoutToken()).isTrue();
    }

    @Test
    void authNoneWithATokenIsAContradictionNamingBothVariables() {
        assertThatThrownBy(() -> IngestSettings.fromConfig(new ServiceConfig(Map.of(
                "GALLEY_INGEST_AUTH", "none", "GALLEY_INGEST_TOKEN", "t0ken"))))
                .hasMessageContaining("GALLEY_INGEST_AUTH").hasMessageContaining("GALLEY_INGEST_TOKEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "false", "no", "nothing"})
    void anyOtherAuthValueIsRefusedSoATypoNeverOpensTheDoor(String auth) {
        assertThatThrownBy(() -> IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_AUTH", auth))))
                .hasMessageContaining("GALLEY_INGEST_AUTH").hasMessageContaining("'none'");
    }

    @Test
    void theAdvertisedUrlDefaultsToLocalhostOnTheChosenPort() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_PORT", "9100",
                "GALLEY_INGEST_HOST", "127.0.0.1")));

        assertThat(settings.applicationServer()).isEqualTo("localhost:9100");
    }

    @Test
    void beyondLoopbackTheAdvertisedUrlDefaultsToTheContainersHostname() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_TOKEN", "t0ken",
                "HOSTNAME", "3f2a9c1b7d4e", "GALLEY_INGEST_PORT", "9100")));

        assertThat(settings.applicationServer()).isEqualTo("3f2a9c1b7d4e:9100");
    }

    @Test
    void aDoorOnLoopbackIsAdvertisedAsLocalhostWhateverTheHostname() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("HOSTNAME", "newsroom-laptop",
                "GALLEY_INGEST_HOST", "127.0.0.1")));

        assertThat(settings.applicationServer()).isEqualTo("localhost:8082");
    }

    @Test
    void anAdvertisedUrlOverridesTheHostname() {
        IngestSettings settings = IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_TOKEN", "t0ken",
                "HOSTNAME", "ingest-0", "GALLEY_INGEST_ADVERTISED_URL", "10.0.0.7:8082")));

        assertThat(settings.applicationServer()).isEqualTo("10.0.0.7:8082");
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
        return IngestSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_INGEST_ADVERTISED_URL", url,
                        "GALLEY_INGEST_HOST", "127.0.0.1")))
                .applicationServer();
    }
}
