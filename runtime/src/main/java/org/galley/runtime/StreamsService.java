package org.galley.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.galley.runtime.errors.SizeCheckingClientSupplier;
import org.galley.runtime.metrics.GalleyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams topology run as a {@link GalleyService}: topics ensured, the schemas of its outputs registered,
 * started, watched, closed. Its producers turn away a record too large for its topic before the broker can
 * ({@link SizeCheckingClientSupplier}). A stream
 * thread that dies is replaced (it re-reads from the last commit, so nothing is skipped), after a growing pause
 * when it keeps dying of the same error ({@link ReplaceBackoff}).
 */
public final class StreamsService implements GalleyService {

    /** How long close waits for the stream threads to commit and stop; a container's stop grace must be longer. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

    private final String name;
    private final Topology topology;
    private final Properties properties;
    private final ServiceConfig config;
    private final List<Topic<?, ?>> topics;
    private final List<Topic<?, ?>> owned;
    private final ReplaceBackoff backoff = ReplaceBackoff.standard();
    private volatile CountDownLatch closing = new CountDownLatch(1);
    private SizeCheckingClientSupplier clients;
    // Volatile, so a health probe never waits on the lock that close() holds for up to 30 s.
    private volatile KafkaStreams streams;
    private volatile boolean closed;
    private KafkaStreamsMetrics metrics;

    /** A service that registers no schemas of its own at start (a test stage, a benchmark's pass-through). */
    public StreamsService(String name, Topology topology, Properties properties, ServiceConfig config,
                          Collection<Topic<?, ?>> topics) {
        this(name, topology, properties, config, topics, List.of());
    }

    /**
     * @param topics every topic the topology reads or writes, created when missing
     * @param owned  the topics whose contract this stage owns (its outputs): their value schemas are registered
     *               at start ({@link SchemaAdmin})
     */
    public StreamsService(String name, Topology topology, Properties properties, ServiceConfig config,
                          Collection<Topic<?, ?>> topics, Collection<Topic<?, ?>> owned) {
        this.name = name;
        this.topology = topology;
        this.properties = properties;
        this.config = config;
        this.topics = List.copyOf(topics);
        this.owned = List.copyOf(owned);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        TopicAdmin.ensure(config, topics);
        SchemaAdmin.ensure(config, owned);
        closing = new CountDownLatch(1);
        closed = false;
        clients = new SizeCheckingClientSupplier(config.kafkaProperties());
        streams = new KafkaStreams(topology, properties, clients);
        streams.setUncaughtExceptionHandler(this::replaceThread);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                log.error("{}: {} -> {}; the service has failed for good and must be restarted", name, before, now);
            } else {
                log.info("{}: {} -> {}", name, before, now);
            }
        });
        streams.start();
        log.info("{} started\n{}", name, topology.describe());
    }

    /**
     * Bad records go to the dead-letter topic; what reaches here is an outage (a record to read again once the
     * registry or broker is back) or a fault of the stage itself. Either way the thread is replaced, on this dying
     * thread after the backoff's pause, which {@link #close()} cuts short.
     */
    private StreamThreadExceptionResponse replaceThread(Throwable error) {
        Duration pause = backoff.onFailure(error, Instant.now());
        if (pause.isZero()) {
            log.error("{} stream thread failed; replacing it", name, error);
        } else {
            log.error("{} stream thread failed again ({} times in a row: {}); replacing it in {} s", name,
                    backoff.repeats() + 1, ReplaceBackoff.describe(error), pause.toSeconds(), error);
            try {
                closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The running application, for interactive queries of its state stores; empty when not started. */
    public synchronized Optional<KafkaStreams> streams() {
        return Optional.ofNullable(streams);
    }

    /** Ready: the client is RUNNING ({@link StreamsHealth}). */
    @Override
    public boolean isHealthy() {
        KafkaStreams running = streams;
        return running != null && StreamsHealth.ready(running.state());
    }

    /** Live: not failed for good and no stream thread wedged ({@link StreamsHealth}); also before start. */
    @Override
    public boolean isLive() {
        KafkaStreams running = streams;
        if (running == null || closed) {
            return true;
        }
        return StreamsHealth.failure(running.state()).isEmpty() && StreamsHealth.stalledThread(
                StreamsHealth.secondsSinceLastPoll(running.metrics()), StreamsHealth.STALL_LIMIT).isEmpty();
    }

    @Override
    public Optional<String> failure() {
        KafkaStreams running = streams;
        if (running == null || closed) {
            return Optional.empty();
        }
        return StreamsHealth.failure(running.state());
    }

    /**
     * Kafka Streams' own metrics (threads, tasks, state stores, its clients), nothing of them before {@link #start()};
     * and the stage's {@code galley_*} meters, given in its properties under {@link GalleyMetrics#CONFIG}.
     */
    @Override
    public synchronized void bindMetrics(MeterRegistry registry) {
        if (properties.get(GalleyMetrics.CONFIG) instanceof GalleyMetrics galley) {
            galley.bindTo(registry);
        }
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
    public void close() {
        closed = true;
        // Outside the lock: a dying thread may be pausing before its replacement, and close waits for it.
        closing.countDown();
        closeStreams();
    }

    private synchronized void closeStreams() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (streams != null) {
            // Leave the group on the way out: Streams otherwise stays a member until its session times out (45 s),
            // and the partitions of a stopped or scaled-down instance wait that long before another takes them (and
            // kafka-streams-application-reset refuses to run).
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            streams = null;
        }
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
