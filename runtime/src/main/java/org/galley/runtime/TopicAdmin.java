package org.galley.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
 * the largest message from {@link ServiceConfig#maxMessageBytes()}.
 */
public final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    public static void ensureTopics(ServiceConfig config, Collection<String> names) {
        if (!config.getBoolean("GALLEY_CREATE_TOPICS", true)) {
            return;
        }
        int partitions = config.getInt("GALLEY_TOPIC_PARTITIONS", 3);
        Optional<Short> replication = config.find("GALLEY_TOPIC_REPLICATION").map(Short::parseShort);
        Properties props = config.kafkaProperties();
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream()
                    .distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.of(partitions), replication)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(config.maxMessageBytes()))))
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get();
                    log.info("Created topic {} ({} partitions)", created.getKey(), partitions);
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
