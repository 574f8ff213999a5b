package org.galley.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A service's settings, read from environment variables with local defaults.
 *
 * <p>Galley's own settings are named {@code GALLEY_*}. Any variable named {@code KAFKA_FOO_BAR} becomes the
 * Kafka client property {@code foo.bar}, so SASL, SSL or tuning settings need no code change (the convention
 * of bakdata's streams-bootstrap). The map is injected so tests and the local stack can pass their own.
 */
public final class ServiceConfig {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";

    private static final String KAFKA_PREFIX = "KAFKA_";

    private final Map<String, String> env;

    public ServiceConfig(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static ServiceConfig fromEnvironment() {
        return new ServiceConfig(System.getenv());
    }

    /** A copy with some variables set or replaced; the local stack uses it to run every service in one JVM. */
    public ServiceConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return new ServiceConfig(merged);
    }

    public Optional<String> find(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    public String get(String name, String defaultValue) {
        return find(name).orElse(defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return find(name).map(value -> parseInt(name, value)).orElse(defaultValue);
    }

    public long getLong(String name, long defaultValue) {
        return find(name).map(value -> parseLong(name, value)).orElse(defaultValue);
    }

    /** {@code true} or {@code false} in any case; anything else is an error, so a typo never flips a switch. */
    public boolean getBoolean(String name, boolean defaultValue) {
        return find(name).map(value -> parseBoolean(name, value)).orElse(defaultValue);
    }

    /** Kafka's bootstrap servers: {@code KAFKA_BOOTSTRAP_SERVERS}, or the local broker. */
    public String bootstrapServers() {
        return get("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP_SERVERS);
    }

    /** The Confluent-compatible schema registry: {@code SCHEMA_REGISTRY_URL}, or the local one. */
    public String schemaRegistryUrl() {
        return get("SCHEMA_REGISTRY_URL", DEFAULT_REGISTRY_URL);
    }

    /** Every {@code KAFKA_*} variable as a Kafka property, bootstrap servers always included. */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                props.put(toKafkaProperty(name), value);
            }
        });
        return props;
    }

    /**
     * The largest event Galley writes ({@code GALLEY_MAX_MESSAGE_BYTES}, default 8 MiB). Kafka's own default
     * (1 MiB) is too small: a published event carries a story's whole page, and a story may be 1 MiB itself.
     * Topics Galley creates and every Galley producer use this limit.
     */
    public int maxMessageBytes() {
        return getInt("GALLEY_MAX_MESSAGE_BYTES", 8 * 1024 * 1024);
    }

    /** Settings for a producer that must not lose or duplicate what it sends: acks=all, idempotence on. */
    public Properties producerProperties(String clientId) {
        Properties props = kafkaProperties();
        props.putIfAbsent("client.id", clientId);
        props.putIfAbsent("acks", "all");
        props.putIfAbsent("enable.idempotence", "true");
        props.putIfAbsent("max.request.size", Integer.toString(maxMessageBytes()));
        return props;
    }

    static String toKafkaProperty(String variable) {
        return variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
