package org.galley.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
 *                       {@code 0.0.0.0}, every interface, which needs a token; the local stack passes
 *                       {@code 127.0.0.1})
 * @param httpPort       port of the HTTP front door ({@code GALLEY_INGEST_PORT}, default 8082; 0 picks a free one)
 * @param bearerToken    when present, every HTTP request but the health check must carry
 *                       {@code Authorization: Bearer <token>} ({@code GALLEY_INGEST_TOKEN}). Required when
 *                       {@code httpHost} is not a loopback address, unless {@code openWithoutToken}
 * @param openWithoutToken {@code GALLEY_INGEST_AUTH=none}: the explicit, logged choice to serve beyond loopback
 *                       without a token, for when something in front of ingest authenticates; the default,
 *                       {@code GALLEY_INGEST_AUTH=token}, refuses to start that way
 * @param siteBaseUrl    the site's base URL, against which site-relative hero images in story files are resolved
 * @param advertisedHost where other ingest instances reach this one's HTTP API to ask for a story's status
 *                       held here ({@code GALLEY_INGEST_ADVERTISED_URL}, {@code http://host:port} or
 *                       {@code host:port}); Kafka Streams' {@code application.server}. By default
 *                       {@code localhost:<port>} when the door listens on loopback only, else
 *                       {@code $HOSTNAME:<port>}: in Docker the container's own name, which its peers on the
 *                       compose network resolve, so each replica tells the others where it is (a Kubernetes
 *                       pod's name does not resolve alone: deploy/kubernetes sets the pod's IP)
 */
public record IngestSettings(int maxStoryBytes, String httpHost, int httpPort, Optional<String> bearerToken,
                             boolean openWithoutToken, String siteBaseUrl, HostInfo advertisedHost) {

    public static final int DEFAULT_PORT = 8082;
    public static final String DEFAULT_HOST = "0.0.0.0";

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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
        if (openWithoutToken && bearerToken.isPresent()) {
            throw new IllegalArgumentException("GALLEY_INGEST_AUTH=none says ingest takes requests without a token, "
                    + "but GALLEY_INGEST_TOKEN sets one; unset one of them.");
        }
    }

    /** The settings from the environment; refuses a front door open beyond loopback without a token. */
    public static IngestSettings fromConfig(ServiceConfig config) {
        int port = config.getInt("GALLEY_INGEST_PORT", DEFAULT_PORT);
        IngestSettings settings = new IngestSettings(
                config.getInt("GALLEY_MAX_STORY_BYTES", ValidationLimits.DEFAULT_MAX_STORY_BYTES),
                config.get("GALLEY_INGEST_HOST", DEFAULT_HOST).strip(),
                port,
                config.find("GALLEY_INGEST_TOKEN"),
                openWithoutToken(config.get("GALLEY_INGEST_AUTH", "token")),
                SiteSettings.fromConfig(config).baseUrl(),
                advertised(config.get("GALLEY_INGEST_ADVERTISED_URL", defaultAdvertisedHost(config, port))));
        settings.requireTokenBeyondLoopback();
        return settings;
    }

    /** Local defaults, for tests: loopback only, no token. */
    public static IngestSettings defaults() {
        return new IngestSettings(ValidationLimits.DEFAULT_MAX_STORY_BYTES, "127.0.0.1", DEFAULT_PORT,
                Optional.empty(), false, SiteSettings.stackDigest().baseUrl(),
                new HostInfo("localhost", DEFAULT_PORT));
    }

    /**
     * Throws when the HTTP front door would take requests from beyond this machine without a token and
     * {@code GALLEY_INGEST_AUTH=none} does not say that is meant: anyone who reached it could then submit and
     * take down stories. Checked when the settings are read and again when the server starts.
     */
    public void requireTokenBeyondLoopback() {
        if (bearerToken.isEmpty() && !openWithoutToken && !isLoopbackOnly()) {
            throw new IllegalArgumentException("Ingest refuses to start: its HTTP API would listen on " + httpHost
                    + " (GALLEY_INGEST_HOST), beyond this machine, without a token, so anyone who can reach it "
                    + "could submit and take down stories. Set GALLEY_INGEST_TOKEN to the bearer token clients must "
                    + "send; or set GALLEY_INGEST_HOST=127.0.0.1 to listen on this machine only; or, if a proxy in "
                    + "front of ingest already authenticates every request, set GALLEY_INGEST_AUTH=none.");
        }
    }

    /**
     * True when the HTTP front door listens on loopback only: {@code localhost} or a loopback address literal
     * ({@code 127.0.0.0/8}, {@code ::1}). Any other name counts as beyond loopback, since what it resolves to
     * may change; no name is looked up.
     */
    public boolean isLoopbackOnly() {
        return isLoopback(httpHost);
    }

    private static boolean isLoopback(String address) {
        String host = address.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(host).matches() && !host.contains(":")) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public ValidationLimits validationLimits() {
        return new ValidationLimits(maxStoryBytes);
    }

    /** The advertised host as Kafka Streams' {@code application.server} wants it. */
    public String applicationServer() {
        return advertisedHost.host() + ":" + advertisedHost.port();
    }

    public IngestSettings withHttpPort(int port) {
        return new IngestSettings(maxStoryBytes, httpHost, port, bearerToken, openWithoutToken, siteBaseUrl,
                advertisedHost);
    }

    public IngestSettings withHttpHost(String host) {
        return new IngestSettings(maxStoryBytes, host, httpPort, bearerToken, openWithoutToken, siteBaseUrl,
                advertisedHost);
    }

    public IngestSettings withBearerToken(String token) {
        return new IngestSettings(maxStoryBytes, httpHost, httpPort, Optional.of(token), false, siteBaseUrl,
                advertisedHost);
    }

    /** {@code GALLEY_INGEST_AUTH=none}: no token, and serving beyond loopback that way is meant. */
    public IngestSettings withoutToken() {
        return new IngestSettings(maxStoryBytes, httpHost, httpPort, Optional.empty(), true, siteBaseUrl,
                advertisedHost);
    }

    public IngestSettings withMaxStoryBytes(int bytes) {
        return new IngestSettings(bytes, httpHost, httpPort, bearerToken, openWithoutToken, siteBaseUrl,
                advertisedHost);
    }

    /** Never shows the token, so settings can be logged. */
    @Override
    public String toString() {
        return "IngestSettings[maxStoryBytes=" + maxStoryBytes + ", httpHost=" + httpHost + ", httpPort=" + httpPort
                + ", bearerToken=" + (bearerToken.isPresent() ? "(set)" : "(none)")
                + ", openWithoutToken=" + openWithoutToken + ", siteBaseUrl=" + siteBaseUrl
                + ", advertisedHost=" + applicationServer() + "]";
    }

    private static boolean openWithoutToken(String auth) {
        switch (auth.strip().toLowerCase(Locale.ROOT)) {
            case "token": return false;
            case "none": return true;
            default:
                throw new IllegalArgumentException("GALLEY_INGEST_AUTH must be 'token' (the default: a token is "
                        + "required unless ingest listens on loopback only) or 'none', was '" + auth + "'");
        }
    }

    /**
     * A door on loopback is reached at localhost only; one beyond it by this machine's name, which Docker puts in
     * {@code HOSTNAME} (localhost would send a peer's status request back to the peer itself).
     */
    private static String defaultAdvertisedHost(ServiceConfig config, int port) {
        boolean loopbackOnly = isLoopback(config.get("GALLEY_INGEST_HOST", DEFAULT_HOST));
        return (loopbackOnly ? "localhost" : config.get("HOSTNAME", "localhost").strip()) + ":" + port;
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
