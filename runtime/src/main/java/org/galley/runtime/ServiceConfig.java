package org.galley.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.galley.registry.RegistryClientConfig;

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

    /**
     * The registry client's settings for the serdes: {@code SCHEMA_REGISTRY_*} variables under Confluent's property
     * names (authentication, TLS; see docs/registry.md) and {@code GALLEY_REGISTRY_RETRY_TIMEOUT_MS}, with the URL
     * of {@link #schemaRegistryUrl()}.
     */
    public Map<String, Object> registryClientProperties() {
        Map<String, Object> properties = new HashMap<>(RegistryClientConfig.fromEnvironment(env));
        properties.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        return properties;
    }

    /**
     * Every {@code KAFKA_*} variable as a Kafka property, bootstrap servers always included. Unchecked: a client
     * that relies on a guarantee builds its settings with {@link KafkaOverrides} ({@link #producerProperties},
     * {@link #readCommittedConsumerProperties}, {@code StreamsSettings}).
     */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        kafkaVariables().forEach((name, value) -> props.put(toKafkaProperty(name), value));
        return props;
    }

    /** The {@code KAFKA_*} variables, by name. */
    SortedMap<String, String> kafkaVariables() {
        SortedMap<String, String> variables = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                variables.put(name, value);
            }
        });
        return variables;
    }

    /**
     * The largest event Galley writes ({@code GALLEY_MAX_MESSAGE_BYTES}, default 8 MiB). Kafka's own default
     * (1 MiB) is too small: a published event carries a story's whole page, and a story may be 1 MiB itself.
     * Topics Galley creates and every Galley producer use this limit.
     */
    public int maxMessageBytes() {
        return getInt("GALLEY_MAX_MESSAGE_BYTES", 8 * 1024 * 1024);
    }

    /**
     * Settings for a producer that must not lose or duplicate what it sends: acks=all, idempotence on. A
     * {@code KAFKA_*} variable that would turn either off is refused ({@link KafkaOverrides}).
     */
    public Properties producerProperties(String clientId) {
        Properties props = new Properties();
        props.put("client.id", clientId);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("max.request.size", Integer.toString(maxMessageBytes()));
        return KafkaOverrides.apply(props, this, KafkaOverrides.PRODUCER_GUARANTEES);
    }

    /**
     * Settings for a consumer that must see only committed events and commits its offsets itself, once it has
     * applied what it read: read_committed, no auto-commit. A {@code KAFKA_*} variable that would change either is
     * refused ({@link KafkaOverrides}).
     */
    public Properties readCommittedConsumerProperties(String clientId, String groupId) {
        Properties props = new Properties();
        props.put("client.id", clientId);
        props.put("group.id", groupId);
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        return KafkaOverrides.apply(props, this, KafkaOverrides.CONSUMER_GUARANTEES);
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
