package org.galley.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.CacheInvalidation;
import org.galley.registry.RegistryClientConfig;
import org.galley.registry.serde.RegistryAvroSerde;

/**
 * The catalogue of Galley's topics, in the order a story flows through them. Keys are the article id as a
 * UTF-8 string, so every event of one story lands on one partition and stays in order through every stage.
 * Values are Avro in Confluent's wire format; their schemas live in {@code schemas/}.
 *
 * <p>Names can be changed per deployment with {@code GALLEY_TOPIC_*} variables (e.g. to add a prefix).
 *
 * @param pages written by render: the latest HTML of every live page, keyed by its URL path
 * @param previews written by render: preview pages ({@link #PREVIEWS}), keyed by their path
 *              ({@code /ai/some-story/}) as a UTF-8 string, the value the complete page as a UTF-8 string, and
 *              a tombstone (null) once the page is taken down or has moved to another path. Compacted, so it
 *              holds each live page once and a new cache or CDN origin can be filled from its start. Not Avro:
 *              caches and CDNs serve raw HTML by path and should not need a schema registry to read it; the
 *              event with the page's metadata is on {@code published}.
 */
public record Topics(
        Topic<String, ArticleSubmitted> submitted,
        Topic<String, ArticleAccepted> accepted,
        Topic<String, ArticleRejected> rejected,
        Topic<String, ArticleEnriched> enriched,
        Topic<String, ArticlePublished> published,
        Topic<byte[], byte[]> deadLetter,
        Topic<String, CacheInvalidation> cacheInvalidations,
        Topic<String, String> pages,
        Topic<String, String> previews) {

    public static final String SUBMITTED = "articles.submitted";
    public static final String ACCEPTED = "articles.accepted";
    public static final String REJECTED = "articles.rejected";
    public static final String ENRICHED = "articles.enriched";
    public static final String PUBLISHED = "articles.published";
    public static final String DEAD_LETTER = "articles.dead-letter";
    /** Written by the site: the URL paths a CDN must purge after each change (key = articleId). */
    public static final String CACHE_INVALIDATIONS = "cache-invalidations";
    public static final String PAGES = "pages";
    /**
     * Written by render: preview pages, key the page's path ({@code /preview/<token>/}), value its HTML. Galley's
     * own, for the site that serves previews to the newsroom; never a platform team's, since previews are drafts.
     * Kept for {@link #PREVIEW_RETENTION}, after which a preview's address stops working on a rebuilt site.
     */
    public static final String PREVIEWS = "articles.previews";
    static final Duration PREVIEW_RETENTION = Duration.ofDays(14);
    /** How long a serde retries an unreachable registry before it reports a retriable failure. */
    static final Duration REGISTRY_RETRY_TIMEOUT = Duration.ofSeconds(5);

    /** Names from the environment, serdes talking to the configured schema registry. */
    public static Topics fromConfig(ServiceConfig config) {
        return create(config, config.schemaRegistryUrl());
    }

    /** As {@link #fromConfig}, with an explicit registry URL ({@code mock://scope} in topology tests). */
    public static Topics create(ServiceConfig config, String registryUrl) {
        Map<String, Object> serdeConfig = new HashMap<>(config.registryClientProperties());
        serdeConfig.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, registryUrl);
        // A serde that waits out a registry outage inside a stage's open transaction must give up before the
        // producer's transaction timeout (10 s under exactly-once) aborts it; the stage then retries the record
        // with a backoff (runtime.errors), and the site and ingest's HTTP intake with their own.
        serdeConfig.putIfAbsent(RegistryClientConfig.RETRY_TIMEOUT_MS, Long.toString(REGISTRY_RETRY_TIMEOUT.toMillis()));
        return new Topics(
                topic(config.get("GALLEY_TOPIC_SUBMITTED", SUBMITTED), ArticleSubmitted.class, serdeConfig),
                topic(config.get("GALLEY_TOPIC_ACCEPTED", ACCEPTED), ArticleAccepted.class, serdeConfig),
                topic(config.get("GALLEY_TOPIC_REJECTED", REJECTED), ArticleRejected.class, serdeConfig),
                topic(config.get("GALLEY_TOPIC_ENRICHED", ENRICHED), ArticleEnriched.class, serdeConfig),
                topic(config.get("GALLEY_TOPIC_PUBLISHED", PUBLISHED), ArticlePublished.class, serdeConfig),
                new Topic<>(config.get("GALLEY_TOPIC_DEAD_LETTER", DEAD_LETTER), Serdes.ByteArray(), Serdes.ByteArray()),
                topic(config.get("GALLEY_TOPIC_CACHE_INVALIDATIONS", CACHE_INVALIDATIONS), CacheInvalidation.class, serdeConfig),
                new Topic<>(config.get("GALLEY_TOPIC_PAGES", PAGES), Serdes.String(), Serdes.String(),
                        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new Topic<>(config.get("GALLEY_TOPIC_PREVIEWS", PREVIEWS), Serdes.String(), Serdes.String(),
                        Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(PREVIEW_RETENTION.toMillis()))));
    }

    /** Every topic, for creating them up front. */
    public List<Topic<?, ?>> all() {
        return List.of(submitted, accepted, rejected, enriched, published, deadLetter, cacheInvalidations, pages,
                previews);
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(
            String name, Class<V> type, Map<String, Object> serdeConfig) {
        Serde<V> values = new RegistryAvroSerde<>(type);
        values.configure(serdeConfig, false);
        return new Topic<>(name, Serdes.String(), values);
    }
}
