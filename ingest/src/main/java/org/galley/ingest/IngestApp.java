package org.galley.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.galley.events.ArticleStatus;
import org.galley.ingest.http.IngestHttpServer;
import org.galley.ingest.preview.PreviewTokens;
import org.galley.ingest.http.KafkaSubmissionSink;
import org.galley.ingest.status.StreamsStatusLookup;
import org.galley.registry.serde.RegistryAvroSerde;
import org.galley.runtime.CompositeService;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.StreamsService;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.Tracing;

/**
 * Runs ingest: the validation and status topology ({@link IngestTopology}) beside the HTTP front door
 * ({@link IngestHttpServer}) that feeds it through an idempotent producer ({@link KafkaSubmissionSink}) and
 * answers status questions from the topology's store ({@link StreamsStatusLookup}).
 */
public final class IngestApp {

    public static final String APPLICATION_ID = "galley-ingest";

    private IngestApp() {
    }

    public static GalleyService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        IngestSettings settings = IngestSettings.fromConfig(config);
        Clock clock = Clock.systemUTC();
        Tracing tracing = Tracing.fromConfig(config, APPLICATION_ID);
        Properties streamsProperties = StreamsSettings.forService(APPLICATION_ID, config, topics);
        // Tells the other instances where to ask for the statuses this one holds.
        streamsProperties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        GalleyMetrics metrics = new GalleyMetrics();
        streamsProperties.put(GalleyMetrics.CONFIG, metrics);
        PreviewTokens previewTokens = PreviewTokens.fromConfig(config);
        Serde<ArticleStatus> statusSerde = RegistryAvroSerde.forValues(ArticleStatus.class, config.schemaRegistryUrl());
        StreamsService streams = new StreamsService(APPLICATION_ID + "-streams",
                IngestTopology.build(topics, statusSerde, settings, previewTokens, clock, tracing, metrics),
                streamsProperties, config,
                List.of(topics.submitted(), topics.accepted(), topics.rejected(), topics.published(),
                        topics.deadLetter()),
                List.of(topics.accepted(), topics.rejected()));
        KafkaSubmissionSink sink = new KafkaSubmissionSink(config, topics.submitted(), topics.rejected(),
                Duration.ofMillis(config.getLong("GALLEY_INGEST_SEND_TIMEOUT_MS", 30_000)), metrics);
        StreamsStatusLookup statuses = new StreamsStatusLookup(streams::streams, IngestTopology.STATUS_STORE,
                settings.advertisedHost());
        IngestHttpServer http = new IngestHttpServer(settings, sink, statuses, previewTokens, clock, tracing);
        // Started in this order and closed in reverse: the door opens last and shuts first.
        return new CompositeService(APPLICATION_ID, List.of(streams, sink, http));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
