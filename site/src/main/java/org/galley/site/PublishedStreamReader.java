package org.galley.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link SiteBuilder} from Kafka. Reads {@code articles.published} (String articleId,
 * ArticlePublished) and {@code articles.rejected} (String articleId, ArticleRejected), committed
 * transactions only. The site is a view of the topics, so on every start it replays them from the
 * beginning into the folder rather than trusting what a previous run left there.
 */
public final class PublishedStreamReader implements GalleyService {

    private static final Logger log = LoggerFactory.getLogger(PublishedStreamReader.class);

    private final ServiceConfig config;
    private final Topics topics;
    private final SiteBuilder builder;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean assigned;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public PublishedStreamReader(ServiceConfig config, Topics topics, SiteBuilder builder) {
        this.config = config;
        this.topics = topics;
        this.builder = builder;
    }

    @Override
    public String name() {
        return "site-reader";
    }

    @Override
    public synchronized void start() {
        TopicAdmin.ensureTopics(config, List.of(topics.published().name(), topics.rejected().name()));
        Properties props = config.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "galley-site");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        running.set(true);
        thread = new Thread(this::run, "galley-site-reader");
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            partitions.addAll(partitionsOf(topics.published()));
            partitions.addAll(partitionsOf(topics.rejected()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            builder.reset();
            builder.flush();
            assigned = true;
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    applySafely(record);
                }
                builder.flush();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("The site reader stopped", e);
        } finally {
            assigned = false;
            consumer.close();
        }
    }

    private List<TopicPartition> partitionsOf(Topic<?, ?> topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** One unreadable event is logged with where to find it and skipped; it never stops the site. */
    private void applySafely(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(topics.published().name())) {
                ArticlePublished event = topics.published().valueSerde().deserializer()
                        .deserialize(record.topic(), record.value());
                if (event != null) {
                    builder.apply(event);
                }
            } else {
                ArticleRejected event = topics.rejected().valueSerde().deserializer()
                        .deserialize(record.topic(), record.value());
                if (event != null) {
                    builder.apply(event);
                }
            }
        } catch (RuntimeException e) {
            log.error("Skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage(), e);
        }
    }

    @Override
    public boolean isHealthy() {
        return assigned && thread != null && thread.isAlive();
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
