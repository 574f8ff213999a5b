package org.galley.site;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.galley.runtime.CompositeService;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SchemaAdmin;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.galley.runtime.trace.Tracing;
import org.galley.site.feeds.Sitemap;
import org.galley.site.invalidation.KafkaInvalidationSink;

/**
 * The site: reads {@code articles.published}, {@code articles.rejected} and {@code articles.previews}, writes
 * the site to {@code GALLEY_SITE_DIR} (default {@code ./site-out}; previews below {@code preview/}), announces each change's purges on
 * {@code cache-invalidations}, and serves the folder on {@code GALLEY_SITE_PORT} (default 8080; set
 * {@code GALLEY_SITE_SERVE=false} when a real web server or CDN serves the folder). Its consumer group
 * ({@code GALLEY_SITE_GROUP_ID}, default {@code galley-site}; one per site instance) keeps only how far
 * invalidations were announced. {@code GALLEY_SITE_PAGE_SIZE} (default 20) is how many stories each listing
 * page shows; {@code GALLEY_SITE_FLUSH_MS} (default 1000) the least time between two writes of the listings,
 * feeds and sitemaps (a story after a quiet interval is written at once; everything waiting is written when
 * the site stops).
 */
public final class SiteApp {

    private SiteApp() {
    }

    public static SiteService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        SiteFolder folder = new SiteFolder(Path.of(config.get("GALLEY_SITE_DIR", "site-out")));
        SiteBuilder builder = new SiteBuilder(folder, SiteSettings.fromConfig(config), Clock.systemUTC(),
                atLeast(config, "GALLEY_SITE_PAGE_SIZE", SiteBuilder.PAGE_SIZE, 1), Sitemap.MAX_URLS);
        PublishedStreamReader reader = new PublishedStreamReader(topics, builder,
                new KafkaInvalidationSink(config, topics.cacheInvalidations(),
                        Tracing.fromConfig(config, "galley-site")), () -> {
                    TopicAdmin.ensure(config, List.of(topics.published(), topics.rejected(), topics.previews(),
                            topics.cacheInvalidations()));
                    // tryEnsure: a site restarted during a registry outage must still serve what it has.
                    SchemaAdmin.tryEnsure(config, List.of(topics.cacheInvalidations()));
                    return new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
                }, Duration.ofMillis(atLeast(config, "GALLEY_SITE_FLUSH_MS", 1000, 0)), System::nanoTime);
        List<GalleyService> parts = config.getBoolean("GALLEY_SITE_SERVE", true)
                ? List.of(reader, new StaticSiteServer(folder, config.get("GALLEY_SITE_HOST", "0.0.0.0"),
                        config.getInt("GALLEY_SITE_PORT", 8080)))
                : List.of(reader);
        return new SiteService(new CompositeService("site", parts), folder);
    }

    private static int atLeast(ServiceConfig config, String name, int defaultValue, int least) {
        int value = config.getInt(name, defaultValue);
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
        }
        return value;
    }

    /** read_committed, offsets committed by the reader itself; a KAFKA_* variable that would change either is refused. */
    private static Properties consumerProperties(ServiceConfig config) {
        return config.readCommittedConsumerProperties("galley-site", config.get("GALLEY_SITE_GROUP_ID", "galley-site"));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
