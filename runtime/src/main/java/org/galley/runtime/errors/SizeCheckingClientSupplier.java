package org.galley.runtime.errors;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' own clients, except that each producer is a {@link SizeCheckedProducer} that knows every topic's
 * size limit (looked up with one admin client, created when first needed and closed with {@link #close()}).
 */
public final class SizeCheckingClientSupplier implements KafkaClientSupplier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SizeCheckingClientSupplier.class);
    private static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private final KafkaClientSupplier clients = new DefaultKafkaClientSupplier();
    private final Properties adminSettings;
    private Admin admin;

    /** {@code adminSettings}: how to reach the cluster (bootstrap servers, security) to look up topic limits. */
    public SizeCheckingClientSupplier(Properties adminSettings) {
        this.adminSettings = adminSettings;
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        Object maxRequestSize = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int limit = maxRequestSize == null ? KAFKA_DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(maxRequestSize.toString().trim());
        TopicSizeLimits limits = new TopicSizeLimits(limit, this::maxMessageBytes);
        return new SizeCheckedProducer(clients.getProducer(config), limits::limitOf);
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return clients.getAdmin(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return clients.getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return clients.getRestoreConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return clients.getGlobalConsumer(config);
    }

    private OptionalInt maxMessageBytes(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin().describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            ConfigEntry entry = config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return entry == null || entry.value() == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(entry.value()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Could not look up max.message.bytes of {} ({}); checking records against max.request.size only",
                    topic, e.toString());
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminSettings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
