package org.galley.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka Streams topology run as a {@link GalleyService}: topics ensured, started, watched, closed. */
public final class StreamsService implements GalleyService {

    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

    private final String name;
    private final Topology topology;
    private final Properties properties;
    private final ServiceConfig config;
    private final List<Topic<?, ?>> topics;
    private KafkaStreams streams;
    private KafkaStreamsMetrics metrics;

    public StreamsService(String name, Topology topology, Properties properties, ServiceConfig config,
                          Collection<Topic<?, ?>> topics) {
        this.name = name;
        this.topology = topology;
        this.properties = properties;
        this.config = config;
        this.topics = List.copyOf(topics);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        TopicAdmin.ensure(config, topics);
        streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(error -> {
            // Bad records go to the dead-letter topic; what reaches here is a fault of the stage itself.
            log.error("{} stream thread failed; replacing it", name, error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("{}: {} -> {}", name, before, now));
        streams.start();
        log.info("{} started\n{}", name, topology.describe());
    }

    /** The running application, for interactive queries of its state stores; empty when not started. */
    public synchronized Optional<KafkaStreams> streams() {
        return Optional.ofNullable(streams);
    }

    @Override
    public synchronized boolean isHealthy() {
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Kafka Streams' own metrics (threads, tasks, state stores, its clients); nothing before {@link #start()}. */
    @Override
    public synchronized void bindMetrics(MeterRegistry registry) {
        if (streams == null) {
            return;
        }
        if (metrics != null) {
            metrics.close();
        }
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
    }
}
