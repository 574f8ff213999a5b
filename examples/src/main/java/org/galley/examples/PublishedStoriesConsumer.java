package org.galley.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.registry.serde.RegistryAvroSerde;

/**
 * A complete consumer of {@code articles.published} (key: article id as a UTF-8 string; value:
 * {@code ArticlePublished}), the one docs/consumers.md walks through. It keeps which page lives at which path
 * ({@code path -> headline}) and prints every change: a PUBLISH puts its page up (a correction replaces it; a
 * story keeps its path for life), an UNPUBLISH takes it down, and a revision older than one already applied to
 * the same article, or the same one delivered again, changes nothing.
 *
 * <p>Run it against {@code ./galley up} with no settings, or set {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code SCHEMA_REGISTRY_URL}.
 */
public final class PublishedStoriesConsumer {

    public static final String TOPIC = "articles.published";
    public static final String GROUP = "example.published-stories";

    private final Map<String, String> headlineByPath = new TreeMap<>();
    private final Map<String, Long> revisionByArticle = new HashMap<>();

    public static void main(String[] args) {
        String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String registry = System.getenv().getOrDefault("SCHEMA_REGISTRY_URL", "http://localhost:8081");
        Thread main = Thread.currentThread();
        try (KafkaConsumer<String, ArticlePublished> consumer = connect(kafka, registry)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            new PublishedStoriesConsumer().run(consumer, System.out);
        } catch (WakeupException stopping) {
            // Ctrl-C: leaving the try closes the consumer, which leaves the group at once.
        }
    }

    /** A consumer with the settings every reader of Galley's topics needs. */
    public static KafkaConsumer<String, ArticlePublished> connect(String bootstrapServers, String registryUrl) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        // A new group starts from the first story ever published, not from whatever comes next.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Render writes in Kafka transactions; an aborted attempt must never reach the view.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed once a batch is applied, so a crash re-delivers rather than skips.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(),
                RegistryAvroSerde.forValues(ArticlePublished.class, registryUrl).deserializer());
    }

    /** Follows the topic until the consumer is woken up. */
    public void run(Consumer<String, ArticlePublished> consumer, PrintStream out) {
        consumer.subscribe(List.of(TOPIC));
        while (true) {
            pollOnce(consumer, out);
        }
    }

    /** Applies one poll's worth of events, prints what changed, and commits. */
    public void pollOnce(Consumer<String, ArticlePublished> consumer, PrintStream out) {
        try {
            for (ConsumerRecord<String, ArticlePublished> record : consumer.poll(Duration.ofSeconds(1))) {
                if (record.value() != null && handle(record.value())) {
                    out.println(describe(record.value()));
                }
            }
        } catch (RecordDeserializationException unreadable) {
            // One unreadable record must not stop the view: say where it is and step over it.
            out.println("skipped " + unreadable.topicPartition() + "@" + unreadable.offset() + ": " + unreadable.getMessage());
            consumer.seek(unreadable.topicPartition(), unreadable.offset() + 1);
        }
        consumer.commitSync();
    }

    /** Applies one event; false when it is not newer than what this article already shows. */
    public boolean handle(ArticlePublished event) {
        Long seen = revisionByArticle.get(event.getArticleId());
        if (seen != null && event.getRevision() <= seen) {
            return false;
        }
        revisionByArticle.put(event.getArticleId(), event.getRevision());
        if (event.getAction() == Action.PUBLISH) {
            headlineByPath.put(event.getPath(), event.getPage().getHeadline());
        } else {
            headlineByPath.remove(event.getPath());
        }
        return true;
    }

    /** The live pages: URL path to headline, in path order (a copy). */
    public SortedMap<String, String> headlinesByPath() {
        return new TreeMap<>(headlineByPath);
    }

    private static String describe(ArticlePublished event) {
        return event.getAction() == Action.PUBLISH
                ? "+ " + event.getPath() + "  " + event.getPage().getHeadline() + " (revision " + event.getRevision() + ")"
                : "- " + event.getPath() + " (revision " + event.getRevision() + ")";
    }
}
