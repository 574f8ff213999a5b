package org.galley.ingest;

import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;
import org.galley.ingest.validation.ValidationLimits;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;

/**
 * Ingest's own settings.
 *
 * @param maxStoryBytes  largest story accepted, in UTF-8 bytes ({@code GALLEY_MAX_STORY_BYTES}, default 1 MiB);
 *                       also the largest HTTP request body
 * @param httpHost       address the HTTP front door binds to ({@code GALLEY_INGEST_HOST}, default
 *                       {@code 0.0.0.0}, every interface; the local stack passes {@code 127.0.0.1})
 * @param httpPort       port of the HTTP front door ({@code GALLEY_INGEST_PORT}, default 8082; 0 picks a free one)
 * @param bearerToken    when present, every HTTP request but the health check must carry
 *                       {@code Authorization: Bearer <token>} ({@code GALLEY_INGEST_TOKEN})
 * @param siteBaseUrl    the site's base URL, against which site-relative hero images in story files are resolved
 * @param advertisedHost where other ingest instances reach this one's HTTP API to ask for a story's status
 *                       held here ({@code GALLEY_INGEST_ADVERTISED_URL}, {@code http://host:port} or
 *                       {@code host:port}, default {@code localhost:<port>}); Kafka Streams'
 *                       {@code application.server}
 */
public record IngestSettings(int maxStoryBytes, String httpHost, int httpPort, Optional<String> bearerToken,
                             String siteBaseUrl, HostInfo advertisedHost) {

    public static final int DEFAULT_PORT = 8082;
    public static final String DEFAULT_HOST = "0.0.0.0";

    public IngestSettings {
        if (maxStoryBytes <= 0) {
            throw new IllegalArgumentException("GALLEY_MAX_STORY_BYTES must be positive, was " + maxStoryBytes);
        }
        if (httpHost == null || httpHost.isBlank()) {
            throw new IllegalArgumentException("GALLEY_INGEST_HOST must name an address, e.g. 0.0.0.0 or 127.0.0.1");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("GALLEY_INGEST_PORT must be between 0 and 65535, was " + httpPort);
        }
    }

    public static IngestSettings fromConfig(ServiceConfig config) {
        int port = config.getInt("GALLEY_INGEST_PORT", DEFAULT_PORT);
        return new IngestSettings(
                config.getInt("GALLEY_MAX_STORY_BYTES", ValidationLimits.DEFAULT_MAX_STORY_BYTES),
                config.get("GALLEY_INGEST_HOST", DEFAULT_HOST).strip(),
                port,
                config.find("GALLEY_INGEST_TOKEN"),
                SiteSettings.fromConfig(config).baseUrl(),
                advertised(config.get("GALLEY_INGEST_ADVERTISED_URL", "localhost:" + port)));
    }

    /** Local defaults, for tests. */
    public static IngestSettings defaults() {
        return new IngestSettings(ValidationLimits.DEFAULT_MAX_STORY_BYTES, DEFAULT_HOST, DEFAULT_PORT,
                Optional.empty(), SiteSettings.stackDigest().baseUrl(), new HostInfo("localhost", DEFAULT_PORT));
    }

    public ValidationLimits validationLimits() {
        return new ValidationLimits(maxStoryBytes);
    }

    /** The advertised host as Kafka Streams' {@code application.server} wants it. */
    public String applicationServer() {
        return advertisedHost.host() + ":" + advertisedHost.port();
    }

    public IngestSettings withHttpPort(int port) {
        return new IngestSettings(maxStoryBytes, httpHost, port, bearerToken, siteBaseUrl, advertisedHost);
    }

    public IngestSettings withHttpHost(String host) {
        return new IngestSettings(maxStoryBytes, host, httpPort, bearerToken, siteBaseUrl, advertisedHost);
    }

    public IngestSettings withBearerToken(String token) {
        return new IngestSettings(maxStoryBytes, httpHost, httpPort, Optional.of(token), siteBaseUrl, advertisedHost);
    }

    public IngestSettings withMaxStoryBytes(int bytes) {
        return new IngestSettings(bytes, httpHost, httpPort, bearerToken, siteBaseUrl, advertisedHost);
    }

    /** Never shows the token, so settings can be logged. */
    @Override
    public String toString() {
        return "IngestSettings[maxStoryBytes=" + maxStoryBytes + ", httpHost=" + httpHost + ", httpPort=" + httpPort
                + ", bearerToken=" + (bearerToken.isPresent() ? "(set)" : "(none)") + ", siteBaseUrl=" + siteBaseUrl
                + ", advertisedHost=" + applicationServer() + "]";
    }

    private static HostInfo advertised(String url) {
        String endpoint = url.strip().replaceFirst("(?i)^https?://", "").replaceFirst("/+$", "");
        try {
            HostInfo host = HostInfo.buildFromEndpoint(endpoint);
            if (host == null || host.host().isEmpty()) {
                throw new IllegalArgumentException("no host");
            }
            return host;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("GALLEY_INGEST_ADVERTISED_URL must be host:port or http://host:port, "
                    + "was '" + url + "'", e);
        }
    }
}
