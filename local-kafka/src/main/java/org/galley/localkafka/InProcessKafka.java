package org.galley.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft broker and controller in one) running inside this JVM, so tests and
 * {@code ./galley up} get a real broker without Docker. It listens on 127.0.0.1 only. Its records
 * live in a log dir: a temporary one that {@link #close()} deletes, or a given one that is
 * formatted on first use and reused afterwards, so a local stack keeps its data between runs.
 */
public final class InProcessKafka implements KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private final boolean temporaryLogDir;
    private boolean closed;

    private InProcessKafka(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean temporaryLogDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.temporaryLogDir = temporaryLogDir;
    }

    /** Starts on free ports with a temporary log dir. */
    public static InProcessKafka start() {
        return start(new Properties());
    }

    /** Starts on free ports with a temporary log dir; {@code overrides} are Kafka broker settings. */
    public static InProcessKafka start(Properties overrides) {
        Path logDir = createTemporaryLogDir();
        try {
            return start(LoopbackPorts.free(), logDir, true, overrides);
        } catch (RuntimeException e) {
            deleteQuietly(logDir, e);
            throw e;
        }
    }

    /** Starts on a fixed client port (e.g. 9092) with a log dir that is kept, and reused if already formatted. */
    public static InProcessKafka start(int port, Path logDir) {
        return start(port, logDir, new Properties());
    }

    /** As {@link #start(int, Path)}, with {@code overrides} as Kafka broker settings. */
    public static InProcessKafka start(int port, Path logDir, Properties overrides) {
        LoopbackPorts.requireFree(port);
        return start(port, logDir, false, overrides);
    }

    private static InProcessKafka start(int port, Path logDir, boolean temporaryLogDir, Properties overrides) {
        long began = System.nanoTime();
        KafkaConfig config = new KafkaConfig(BrokerProperties.of(port, LoopbackPorts.free(), logDir, overrides));
        boolean formatted = LogDirFormat.formatIfNew(logDir, BrokerProperties.NODE_ID);
        KafkaRaftServer server = startServer(config, port, logDir);
        String bootstrapServers = LoopbackPorts.HOST + ":" + port;
        LOG.info("Kafka started in-process on {} in {} ms ({} log dir {})", bootstrapServers,
                (System.nanoTime() - began) / 1_000_000, formatted ? "new" : "reused", logDir);
        return new InProcessKafka(server, bootstrapServers, logDir, temporaryLogDir);
    }

    private static KafkaRaftServer startServer(KafkaConfig config, int port, Path logDir) {
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return server;
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("Kafka did not start on "
                    + LoopbackPorts.HOST + ":" + port + " with log dir " + logDir + ": " + e.getMessage(), e);
            if (server != null) {
                stop(server, failure);
            }
            throw failure;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where this broker keeps its records. */
    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker down, waits for it, and deletes the log dir if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (temporaryLogDir) {
            try {
                Utils.delete(logDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the temporary Kafka log dir " + logDir, e);
            }
        }
        LOG.info("Kafka on {} stopped", bootstrapServers);
    }

    private static Path createTemporaryLogDir() {
        try {
            return Files.createTempDirectory("galley-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary Kafka log dir", e);
        }
    }

    private static void stop(KafkaRaftServer server, Exception failure) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path dir, Exception failure) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
