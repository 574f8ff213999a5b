package org.galley.registry;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.galley.registry.server.SchemaStore;

/**
 * Makes a {@link SchemaRegistryClient} from a {@code schema.registry.url} value, as Confluent's
 * serdes read it: one or more comma-separated {@code http(s)://} URLs (tried in order), or
 * {@code mock://SCOPE} for an in-memory registry shared by everyone in this JVM who names the same scope.
 * {@link #forConfig} also reads authentication, TLS and retry settings ({@link RegistryClientConfig}).
 */
public final class SchemaRegistryClients {

    private static final String MOCK_PREFIX = "mock://";
    private static final Map<String, SchemaStore> MOCK_SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    /** A client for the registry at this URL (or URLs), with no credentials, default TLS and the default retry budget. */
    public static SchemaRegistryClient forUrl(String url) {
        return forConfig(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, Objects.requireNonNull(url, "schema registry url")));
    }

    /**
     * A client configured from a Kafka-style map with at least {@code schema.registry.url}; the other keys
     * are Confluent's client properties listed in {@link RegistryClientConfig}. Unknown keys are ignored,
     * so a serde's whole config map can be passed.
     */
    public static SchemaRegistryClient forConfig(Map<String, ?> configs) {
        Object url = Objects.requireNonNull(configs.get(RegistryClientConfig.SCHEMA_REGISTRY_URL), "schema registry url");
        String trimmed = url.toString().trim();
        if (trimmed.startsWith(MOCK_PREFIX)) {
            String scope = trimmed.substring(MOCK_PREFIX.length());
            return new InMemorySchemaRegistryClient(MOCK_SCOPES.computeIfAbsent(scope, s -> new SchemaStore()));
        }
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(RegistryClientConfig.from(configs)));
    }

    /** Forgets the in-memory registry of a {@code mock://} scope; the next use of the scope starts empty. */
    public static void dropMockScope(String scope) {
        MOCK_SCOPES.remove(scope);
    }

    /** The base URLs in a comma-separated list, each checked to be http(s) and ending in '/'. */
    static List<URI> httpUrls(String urls) {
        List<URI> parsed = Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(url -> URI.create(url.endsWith("/") ? url : url + "/"))
                .toList();
        for (URI uri : parsed) {
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("Schema registry URL '" + uri
                        + "' must start with http://, https:// or mock://");
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("No schema registry URL in '" + urls + "'");
        }
        return parsed;
    }
}
