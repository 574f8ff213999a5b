package org.galley.registry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Confluent-compatible schema registry (AVRO schemas) served over HTTP by the JDK's own server, for local runs
 * and tests. Start it, hand {@link #url()} to clients and serdes as {@code schema.registry.url}, close it when
 * done. Started with {@link #start(int)} its schemas live in memory as long as it does; started with
 * {@link #startOnKafka} they are kept in a compacted Kafka topic ({@code _schemas}, Confluent's format) and a
 * registry started later on the same topic has the same ids and versions.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** The address bound unless another is given: reachable from this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final int WORKER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;
    private final String url;
    private final AutoCloseable storage;

    private EmbeddedSchemaRegistry(HttpServer server, ExecutorService workers, String url, AutoCloseable storage) {
        this.server = server;
        this.workers = workers;
        this.url = url;
        this.storage = storage;
    }

    /** Starts a registry on 127.0.0.1 at the port, or at a free port for 0. */
    public static EmbeddedSchemaRegistry start(int port) {
        return start(DEFAULT_HOST, port);
    }

    /** Starts a registry bound to the host (e.g. "0.0.0.0" for every interface) at the port, 0 for a free one. */
    public static EmbeddedSchemaRegistry start(String host, int port) {
        return start(host, port, new SchemaStore(), () -> { });
    }

    /**
     * Starts a registry on 127.0.0.1 at the port (0 for a free one) whose schemas are kept in Kafka's
     * {@code _schemas} topic, created if missing; it first reads back every schema the topic holds.
     *
     * @param kafkaProperties Kafka client settings: {@code bootstrap.servers}, and any security settings
     */
    public static EmbeddedSchemaRegistry startOnKafka(int port, Map<String, Object> kafkaProperties) {
        return startOnKafka(DEFAULT_HOST, port, kafkaProperties, KafkaSchemaLog.DEFAULT_TOPIC);
    }

    /** As {@link #startOnKafka(int, Map)}, bound to the host, with the schemas in the named topic. */
    public static EmbeddedSchemaRegistry startOnKafka(String host, int port, Map<String, Object> kafkaProperties,
                                                      String topic) {
        KafkaSchemaLog log = KafkaSchemaLog.open(kafkaProperties, topic);
        try {
            SchemaStore store = new SchemaStore(log);
            store.replay(log.readAll());
            return start(host, port, store, log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private static EmbeddedSchemaRegistry start(String host, int port, SchemaStore store, AutoCloseable storage) {
        try {
            InetAddress address = InetAddress.getByName(host);
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
            server.createContext("/", new RegistryHttpHandler(new RegistryRoutes(store)));
            server.setExecutor(workers);
            server.start();
            String visibleHost = address.isLoopbackAddress() || address.isAnyLocalAddress() ? "localhost" : host;
            return new EmbeddedSchemaRegistry(server, workers, "http://" + visibleHost + ":" + server.getAddress().getPort(),
                    storage);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot start the schema registry on " + host + ":" + port, failed);
        }
    }

    /** The base URL clients use, e.g. {@code http://localhost:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            storage.close();
        } catch (Exception e) {
            throw new IllegalStateException("The schema registry's storage did not close cleanly", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "schema-registry-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
