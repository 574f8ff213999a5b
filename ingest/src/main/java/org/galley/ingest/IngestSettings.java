package org.galley.ingest;

import java.util.Optional;

import org.galley.ingest.validation.ValidationLimits;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;

/**
 * Ingest's own settings.
 *
 * @param maxStoryBytes largest story accepted, in UTF-8 bytes ({@code GALLEY_MAX_STORY_BYTES}, default 1 MiB);
 *                      also the largest HTTP request body
 * @param httpPort      port of the HTTP front door ({@code GALLEY_INGEST_PORT}, default 8082; 0 picks a free one)
 * @param bearerToken   when present, every HTTP request but the health check must carry
 *                      {@code Authorization: Bearer <token>} ({@code GALLEY_INGEST_TOKEN})
 * @param siteBaseUrl   the site's base URL, against which site-relative hero images in story files are resolved
 */
public record IngestSettings(int maxStoryBytes, int httpPort, Optional<String> bearerToken, String siteBaseUrl) {

    public static final int DEFAULT_PORT = 8082;

    public IngestSettings {
        if (maxStoryBytes <= 0) {
            throw new IllegalArgumentException("GALLEY_MAX_STORY_BYTES must be positive, was " + maxStoryBytes);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("GALLEY_INGEST_PORT must be between 0 and 65535, was " + httpPort);
        }
    }

    public static IngestSettings fromConfig(ServiceConfig config) {
        return new IngestSettings(
                config.getInt("GALLEY_MAX_STORY_BYTES", ValidationLimits.DEFAULT_MAX_STORY_BYTES),
                config.getInt("GALLEY_INGEST_PORT", DEFAULT_PORT),
                config.find("GALLEY_INGEST_TOKEN"),
                SiteSettings.fromConfig(config).baseUrl());
    }

    /** Local defaults, for tests. */
    public static IngestSettings defaults() {
        return new IngestSettings(ValidationLimits.DEFAULT_MAX_STORY_BYTES, DEFAULT_PORT, Optional.empty(),
                SiteSettings.stackDigest().baseUrl());
    }

    public ValidationLimits validationLimits() {
        return new ValidationLimits(maxStoryBytes);
    }

    public IngestSettings withHttpPort(int port) {
        return new IngestSettings(maxStoryBytes, port, bearerToken, siteBaseUrl);
    }

    public IngestSettings withBearerToken(String token) {
        return new IngestSettings(maxStoryBytes, httpPort, Optional.of(token), siteBaseUrl);
    }

    public IngestSettings withMaxStoryBytes(int bytes) {
        return new IngestSettings(bytes, httpPort, bearerToken, siteBaseUrl);
    }

    /** Never shows the token, so settings can be logged. */
    @Override
    public String toString() {
        return "IngestSettings[maxStoryBytes=" + maxStoryBytes + ", httpPort=" + httpPort + ", bearerToken="
                + (bearerToken.isPresent() ? "(set)" : "(none)") + ", siteBaseUrl=" + siteBaseUrl + "]";
    }
}
