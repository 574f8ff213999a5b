package org.galley.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of Galley's HTTP registry client, read from a Kafka-style config map under Confluent's own
 * property names, so one set of settings configures Galley's serdes and Confluent's alike: the URLs, basic
 * or bearer authentication, TLS trust (and a client certificate), and Galley's retry budget.
 *
 * <p>Every property has an environment variable ({@link #environmentVariable}): {@code SCHEMA_REGISTRY_}
 * followed by the property without its {@code schema.registry.} prefix, upper-cased, dots as underscores
 * ({@code basic.auth.user.info} is {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}); Galley's own
 * {@code galley.*} properties are {@code GALLEY_*}. {@link #fromEnvironment} turns an environment into the
 * config map a serde takes.
 */
public final class RegistryClientConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code URL} (the default: user info in each URL, as in {@code https://user:secret@host}), or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password}, for {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** The older name Confluent still reads when {@link #BASIC_AUTH_USER_INFO} is unset. */
    public static final String LEGACY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** {@code STATIC_TOKEN}: send {@link #BEARER_AUTH_TOKEN} as a bearer token. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** Galley's own: how long one call keeps retrying an unavailable registry (ms, default 60000). */
    public static final String RETRY_TIMEOUT_MS = "galley.registry.retry.timeout.ms";
    /** Confluent's name: the first wait between retries (ms, default here 100). */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** Confluent's name: the longest wait between retries (ms, default here 5000). */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    /** Every property this client reads, in the order the docs list them. */
    public static final List<String> PROPERTIES = List.of(SCHEMA_REGISTRY_URL,
            BASIC_AUTH_CREDENTIALS_SOURCE, BASIC_AUTH_USER_INFO, BEARER_AUTH_CREDENTIALS_SOURCE, BEARER_AUTH_TOKEN,
            SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE,
            SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE, SSL_KEY_PASSWORD,
            RETRY_TIMEOUT_MS, RETRIES_WAIT_MS, RETRIES_MAX_WAIT_MS);

    private static final String CLIENT_NAMESPACE = "schema.registry.";
    private static final String DEFAULT_STORE_TYPE = "JKS";

    /** One registry URL to try, without user info, and the Authorization header to send it (or null). */
    record Endpoint(URI base, String authorization) {

        @Override
        public String toString() {
            return base + (authorization == null ? "" : " (with credentials)");
        }
    }

    private final List<Endpoint> endpoints;
    private final SSLContext ssl;
    private final RetryPolicy retry;

    private RegistryClientConfig(List<Endpoint> endpoints, SSLContext ssl, RetryPolicy retry) {
        this.endpoints = endpoints;
        this.ssl = ssl;
        this.retry = retry;
    }

    /** The environment variable that sets a property, e.g. {@code SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION}. */
    public static String environmentVariable(String property) {
        String name = property.startsWith("galley.") ? property
                : "schema.registry." + (property.startsWith(CLIENT_NAMESPACE) ? property.substring(CLIENT_NAMESPACE.length()) : property);
        return name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The registry client's properties set in this environment (blank variables count as unset). */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : PROPERTIES) {
            String value = env.get(environmentVariable(property));
            if (value != null && !value.isBlank()) {
                properties.put(property, value.trim());
            }
        }
        return properties;
    }

    /** Reads the settings; a {@link ConfigException} names the property that is missing or wrong. */
    static RegistryClientConfig from(Map<String, ?> configs) {
        String urls = text(configs, SCHEMA_REGISTRY_URL);
        if (urls == null) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required by Galley's registry client");
        }
        List<URI> bases = SchemaRegistryClients.httpUrls(urls);
        String commonAuthorization = commonAuthorization(configs);
        boolean fromUrl = commonAuthorization == null && text(configs, BEARER_AUTH_CREDENTIALS_SOURCE) == null;
        List<Endpoint> endpoints = bases.stream()
                .map(base -> new Endpoint(withoutUserInfo(base),
                        fromUrl ? basicFromUrl(base) : commonAuthorization))
                .toList();
        RetryPolicy retry = new RetryPolicy(
                millis(configs, RETRY_TIMEOUT_MS, RetryPolicy.DEFAULT_TIMEOUT),
                millis(configs, RETRIES_WAIT_MS, RetryPolicy.DEFAULT_INITIAL_WAIT),
                millis(configs, RETRIES_MAX_WAIT_MS, RetryPolicy.DEFAULT_MAX_WAIT));
        return new RegistryClientConfig(endpoints, sslContext(configs), retry);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The TLS context built from the trust and key stores, or null for the JDK's default trust. */
    SSLContext ssl() {
        return ssl;
    }

    RetryPolicy retry() {
        return retry;
    }

    /** The header every URL gets (USER_INFO or STATIC_TOKEN), or null when it comes from each URL or there is none. */
    private static String commonAuthorization(Map<String, ?> configs) {
        String basicSource = text(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
        String bearerSource = text(configs, BEARER_AUTH_CREDENTIALS_SOURCE);
        if (basicSource != null && bearerSource != null) {
            throw new ConfigException("Only one of " + BASIC_AUTH_CREDENTIALS_SOURCE + " and "
                    + BEARER_AUTH_CREDENTIALS_SOURCE + " may be set");
        }
        if (bearerSource != null) {
            if (!"STATIC_TOKEN".equalsIgnoreCase(bearerSource)) {
                throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource,
                        "Galley's registry client supports STATIC_TOKEN only");
            }
            String token = text(configs, BEARER_AUTH_TOKEN);
            if (token == null) {
                throw new ConfigException(BEARER_AUTH_TOKEN + " must be set when " + BEARER_AUTH_CREDENTIALS_SOURCE
                        + " is STATIC_TOKEN");
            }
            return "Bearer " + token;
        }
        if (basicSource == null || "URL".equalsIgnoreCase(basicSource)) {
            return null;
        }
        if (!"USER_INFO".equalsIgnoreCase(basicSource)) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, basicSource,
                    "Galley's registry client supports URL and USER_INFO");
        }
        String userInfo = text(configs, BASIC_AUTH_USER_INFO);
        if (userInfo == null) {
            userInfo = text(configs, LEGACY_BASIC_AUTH_USER_INFO);
        }
        if (userInfo == null) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " must be set when " + BASIC_AUTH_CREDENTIALS_SOURCE
                    + " is USER_INFO");
        }
        return basic(userInfo);
    }

    private static String basicFromUrl(URI base) {
        return base.getUserInfo() == null ? null : basic(base.getUserInfo());
    }

    static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** The URL with its user info removed, so credentials never appear in requests' URLs, logs or errors. */
    static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("Invalid schema registry URL", impossible);
        }
    }

    private static SSLContext sslContext(Map<String, ?> configs) {
        String truststore = text(configs, SSL_TRUSTSTORE_LOCATION);
        String keystore = text(configs, SSL_KEYSTORE_LOCATION);
        if (truststore == null && keystore == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (truststore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(truststore, SSL_TRUSTSTORE_LOCATION, text(configs, SSL_TRUSTSTORE_TYPE),
                        text(configs, SSL_TRUSTSTORE_PASSWORD)));
            }
            KeyManagerFactory keys = null;
            if (keystore != null) {
                String password = text(configs, SSL_KEYSTORE_PASSWORD);
                String keyPassword = text(configs, SSL_KEY_PASSWORD);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keystore, SSL_KEYSTORE_LOCATION, text(configs, SSL_KEYSTORE_TYPE), password),
                        chars(keyPassword != null ? keyPassword : password));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException failed) {
            throw new ConfigException("Cannot set up TLS for the schema registry client: " + failed.getMessage());
        }
    }

    private static KeyStore load(String location, String property, String type, String password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type == null ? DEFAULT_STORE_TYPE : type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, chars(password));
            return store;
        } catch (IOException unreadable) {
            throw new ConfigException(property, location, "cannot be read as a " + store.getType()
                    + " store (wrong path, type or password?)");
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    private static Duration millis(Map<String, ?> configs, String property, Duration absent) {
        String value = text(configs, property);
        if (value == null) {
            return absent;
        }
        try {
            long ms = Long.parseLong(value);
            if (ms >= 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigException(property, value, "must be a whole number of milliseconds, 0 or more");
    }

    private static String text(Map<String, ?> configs, String property) {
        Object value = configs.get(property);
        if (value == null) {
            return null;
        }
        // Kafka's Password type hides its value from toString
        String text = value instanceof org.apache.kafka.common.config.types.Password password ? password.value() : value.toString();
        return text.isBlank() ? null : text.trim();
    }
}
