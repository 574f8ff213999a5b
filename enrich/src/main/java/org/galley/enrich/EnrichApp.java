package org.galley.enrich;

import java.time.Clock;
import java.util.List;
import java.util.Properties;

import org.galley.runtime.CompositeService;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.StreamsService;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.Tracing;

/** Runs enrich: the enrichment topology ({@link EnrichTopology}). */
public final class EnrichApp {

    public static final String APPLICATION_ID = "galley-enrich";

    private EnrichApp() {
    }

    public static GalleyService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        EnrichSettings settings = EnrichSettings.fromConfig(config);
        Clock clock = Clock.systemUTC();
        IndexPacing pacing = IndexPacing.fromConfig(config);
        // The index step asks where each input partition ends (WaitingDrafts.isDue).
        InputEnds inputEnds = new InputEnds(config, topics.accepted().name(), APPLICATION_ID,
                APPLICATION_ID + "-" + EnrichTopology.INDEX_TOPIC + "-repartition");
        GalleyMetrics metrics = new GalleyMetrics();
        Properties properties = StreamsSettings.forService(APPLICATION_ID, config, topics);
        properties.put(GalleyMetrics.CONFIG, metrics);
        StreamsService streams = new StreamsService(APPLICATION_ID,
                EnrichTopology.build(topics, settings, pacing, inputEnds.reader(), clock,
                        Tracing.fromConfig(config, APPLICATION_ID), metrics),
                properties, config,
                List.of(topics.accepted(), topics.enriched(), topics.deadLetter()),
                List.of(topics.enriched()));
        return new CompositeService(APPLICATION_ID, List.of(inputEnds, streams));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
