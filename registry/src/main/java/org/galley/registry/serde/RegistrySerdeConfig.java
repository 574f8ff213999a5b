package org.galley.registry.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings Galley's registry serdes read from a Kafka config map, under Confluent's key names:
 * {@code schema.registry.url} (required) and {@code auto.register.schemas} (default true). The same map's
 * credential, TLS and retry settings are the client's, read by {@link org.galley.registry.RegistryClientConfig}.
 */
public record RegistrySerdeConfig(String registryUrl, boolean autoRegister) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    public static RegistrySerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required by Galley's registry serdes");
        }
        return new RegistrySerdeConfig(url.toString().trim(), flag(configs.get(AUTO_REGISTER_SCHEMAS), true));
    }

    private static boolean flag(Object value, boolean absent) {
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(AUTO_REGISTER_SCHEMAS, value, "must be true or false");
    }

}
