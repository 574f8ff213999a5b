package org.galley.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.galley.registry.RegistryClientConfig;
import org.galley.registry.RegistryException;
import org.galley.registry.RegistryUnavailableException;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;
import org.galley.registry.serde.RegistryAvroSerde;
import org.galley.registry.serde.TopicNameStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the value schemas of the topics a service writes, under {@code <topic>-value}, when it starts: the
 * schema its serde would register with the first record (the generated class's), so a fresh deployment already
 * holds every contract, and a tool that produces with auto-registration off and the latest version finds it before
 * any story went through. Registering a schema already there is a no-op; a schema the subject's compatibility
 * refuses fails the start, as the first record would fail later. Topics whose values are not registry Avro (the
 * dead letters, the pages) are skipped. {@code GALLEY_REGISTER_SCHEMAS=false} turns it off, for deployments whose
 * services may not write to the registry (the schemas are then registered by whoever deploys them).
 *
 * <p>An unreachable registry is retried for the client's budget ({@code GALLEY_REGISTRY_RETRY_TIMEOUT_MS}, default
 * 60 s) and then fails the start, so a stage never reports healthy without its contracts; the site, which must be
 * able to restart and serve during an outage, uses {@link #tryEnsure} instead.
 */
public final class SchemaAdmin {

    private static final Logger log = LoggerFactory.getLogger(SchemaAdmin.class);

    private SchemaAdmin() {
    }

    /** Registers the value schema of each of {@code owned} under its subject, with the configured registry. */
    public static void ensure(ServiceConfig config, Collection<? extends Topic<?, ?>> owned) {
        Map<String, Schema> subjects = subjects(owned);
        if (subjects.isEmpty() || !config.getBoolean("GALLEY_REGISTER_SCHEMAS", true)) {
            return;
        }
        ensure(SchemaRegistryClients.forConfig(config.registryClientProperties()), subjects);
    }

    /**
     * As {@link #ensure}, for a service that must start during a registry outage (the site, which keeps serving and
     * rebuilds once the registry is back): one try, and an unreachable registry is logged and left to the
     * serializer, which registers the schema with the first record. A schema the registry refuses still fails.
     */
    public static void tryEnsure(ServiceConfig config, Collection<? extends Topic<?, ?>> owned) {
        Map<String, Schema> subjects = subjects(owned);
        if (subjects.isEmpty() || !config.getBoolean("GALLEY_REGISTER_SCHEMAS", true)) {
            return;
        }
        Map<String, Object> oneTry = new HashMap<>(config.registryClientProperties());
        oneTry.put(RegistryClientConfig.RETRY_TIMEOUT_MS, "0");
        try {
            ensure(SchemaRegistryClients.forConfig(oneTry), subjects);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof RegistryUnavailableException)) {
                throw e;
            }
            log.warn("{}; the first record written will register it", e.getMessage());
        }
    }

    /** Each registry Avro topic's subject ({@code <topic>-value}) with its generated class's schema, in order. */
    static Map<String, Schema> subjects(Collection<? extends Topic<?, ?>> topics) {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            if (topic.valueSerde() instanceof RegistryAvroSerde<?> avro) {
                subjects.put(TopicNameStrategy.subject(topic.name(), false), avro.serializer().schema());
            }
        }
        return subjects;
    }

    static void ensure(SchemaRegistryClient registry, Map<String, Schema> subjects) {
        subjects.forEach((subject, schema) -> {
            try {
                int id = registry.register(subject, schema);
                log.info("Schema {} is registered under {} (id {})", schema.getFullName(), subject, id);
            } catch (RegistryException | RegistryUnavailableException e) {
                // Unavailable only once the client's retries are spent; refused (409 incompatible, 422) at once.
                throw new IllegalStateException("Could not register " + schema.getFullName() + " under subject '"
                        + subject + "': " + e.getMessage(), e);
            }
        });
    }
}
