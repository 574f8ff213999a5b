package org.galley.enrich;

import java.time.Clock;
import java.util.List;

import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.StreamsService;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;

/** Runs enrich: the enrichment topology ({@link EnrichTopology}). */
public final class EnrichApp {

    public static final String APPLICATION_ID = "galley-enrich";

    private EnrichApp() {
    }

    public static GalleyService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        EnrichSettings settings = EnrichSettings.fromConfig(config);
        Clock clock = Clock.systemUTC();
        return new StreamsService(APPLICATION_ID, EnrichTopology.build(topics, settings, clock),
                StreamsSettings.forService(APPLICATION_ID, config, topics), config,
                List.of(topics.accepted(), topics.enriched(), topics.deadLetter()));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
