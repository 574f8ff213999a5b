package org.galley.render;

import java.time.Clock;
import java.util.List;
import java.util.Properties;

import org.galley.render.page.JtePageRenderer;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.StreamsService;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.Tracing;

/**
 * The render service: turns each story on {@code articles.enriched} into its article page, published as an
 * event on {@code articles.published} and as raw HTML by path on the compacted {@code pages} topic, and each
 * preview into its page on {@code articles.previews} only (see {@link RenderTopology}). Branding comes from
 * {@code GALLEY_SITE_*}.
 */
public final class RenderApp {

    public static final String APPLICATION_ID = "galley-render";

    private RenderApp() {
    }

    public static GalleyService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        JtePageRenderer renderer = new JtePageRenderer(SiteSettings.fromConfig(config));
        GalleyMetrics metrics = new GalleyMetrics();
        Properties properties = StreamsSettings.forService(APPLICATION_ID, config, topics);
        properties.put(GalleyMetrics.CONFIG, metrics);
        return new StreamsService(APPLICATION_ID,
                RenderTopology.build(topics, renderer, Clock.systemUTC(), Tracing.fromConfig(config, APPLICATION_ID),
                        metrics),
                properties,
                config,
                List.of(topics.enriched(), topics.published(), topics.pages(), topics.previews(), topics.deadLetter()),
                List.of(topics.published()));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
