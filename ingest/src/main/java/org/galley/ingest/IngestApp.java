package org.galley.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.galley.ingest.http.IngestHttpServer;
import org.galley.ingest.http.KafkaSubmissionSink;
import org.galley.runtime.CompositeService;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.StreamsService;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;

/**
 * Runs ingest: the validation topology ({@link IngestTopology}) beside the HTTP front door
 * ({@link IngestHttpServer}) that feeds it through an idempotent producer ({@link KafkaSubmissionSink}).
 */
public final class IngestApp {

    public static final String APPLICATION_ID = "galley-ingest";

    private IngestApp() {
    }

    public static GalleyService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        IngestSettings settings = IngestSettings.fromConfig(config);
        Clock clock = Clock.systemUTC();
        StreamsService streams = new StreamsService(APPLICATION_ID + "-streams",
                IngestTopology.build(topics, settings, clock),
                StreamsSettings.forService(APPLICATION_ID, config, topics), config,
                List.of(topics.submitted(), topics.accepted(), topics.rejected(), topics.deadLetter()));
        KafkaSubmissionSink sink = new KafkaSubmissionSink(config, topics.submitted(),
                Duration.ofMillis(config.getLong("GALLEY_INGEST_SEND_TIMEOUT_MS", 30_000)));
        IngestHttpServer http = new IngestHttpServer(settings, sink, clock);
        // Started in this order and closed in reverse: the door opens last and shuts first.
        return new CompositeService(APPLICATION_ID, List.of(streams, sink, http));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
