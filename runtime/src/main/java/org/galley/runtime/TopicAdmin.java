package org.galley.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service needs when they are missing, so a fresh cluster works without a separate
 * step. Existing topics are left exactly as ops configured them. Partitions and replication come from
 * {@code GALLEY_TOPIC_PARTITIONS} (default 3) and {@code GALLEY_TOPIC_REPLICATION} (default: the broker's);
 * retention from {@code GALLEY_TOPIC_RETENTION_MS} (default -1, keep everything); the largest message from {@link ServiceConfig#maxMessageBytes()}; anything else a topic needs (compaction of
 * the pages topic) from its own {@link Topic#configs()}.
 */
public final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /** Creates whichever of {@code topics} are missing, each with its own settings. */
    public static void ensure(ServiceConfig config, Collection<? extends Topic<?, ?>> topics) {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        topics.forEach(topic -> settings.putIfAbsent(topic.name(), topic.configs()));
        create(config, settings);
    }

    /** How a missing topic is created: Galley's sizes, then the topic's own settings over them. */
    static NewTopic newTopic(String name, Map<String, String> topicConfigs, ServiceConfig config) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(config.maxMessageBytes()));
        // Galley's topics are its history: sites, caches and indexes are rebuilt by replaying them, so nothing
        // expires unless ops say so. (Kafka's default of 7 days would silently drop older stories from a rebuild.)
        configs.put(TopicConfig.RETENTION_MS_CONFIG, config.get("GALLEY_TOPIC_RETENTION_MS", "-1"));
        configs.putAll(topicConfigs);
        Optional<Short> replication = config.find("GALLEY_TOPIC_REPLICATION").map(Short::parseShort);
        return new NewTopic(name, Optional.of(config.getInt("GALLEY_TOPIC_PARTITIONS", 3)), replication).configs(configs);
    }

    private static void create(ServiceConfig config, Map<String, Map<String, String>> settings) {
        if (!config.getBoolean("GALLEY_CREATE_TOPICS", true)) {
            return;
        }
        Set<String> names = settings.keySet();
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = settings.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> newTopic(topic.getKey(), topic.getValue(), config))
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get();
                    log.info("Created topic {} ({} partitions) {}", created.getKey(),
                            config.getInt("GALLEY_TOPIC_PARTITIONS", 3), settings.get(created.getKey()));
                } catch (ExecutionException e) {
                    // Another service created it first: that is the outcome we wanted.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + names, e);
        }
    }
}
