package org.galley.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place ops watch any Galley service from, the same way for each: a small HTTP server beside the
 * service (on the JDK's own {@code HttpServer}) that {@link ServiceRunner} starts.
 *
 * <ul>
 *   <li>{@code GET /healthz} -> 200 {@code {"status":"UP","service":"<name>"}} while
 *       {@link GalleyService#isHealthy()}, else 503 {@code {"status":"DOWN",...}}: for Kubernetes liveness and
 *       readiness probes and container healthchecks ({@link HealthProbe}).</li>
 *   <li>{@code GET /metrics} -> the service's meters in Prometheus text format: JVM memory, GC, threads,
 *       processor and uptime, plus what the service registers through {@link GalleyService#bindMetrics}
 *       (Kafka Streams' metrics for a stream processor). Every meter carries the tag {@code service=<name>}.
 *       {@code ?name[]=jvm_memory_used_bytes} (repeatable) answers only those metrics, as Prometheus' own
 *       client does: a frequent reader of one gauge then costs the service little.</li>
 * </ul>
 * Settings: {@code GALLEY_OPS_ENABLED} (default {@code true}), {@code GALLEY_OPS_HOST} (default {@code 0.0.0.0}),
 * {@code GALLEY_OPS_PORT} (default {@value #DEFAULT_PORT}; {@code 0} takes a free port).
 */
public final class OperationsServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9400;
    public static final String DEFAULT_HOST = "0.0.0.0";

    static final String HEALTH_PATH = "/healthz";
    static final String METRICS_PATH = "/metrics";

    private static final Logger log = LoggerFactory.getLogger(OperationsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final GalleyService service;
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final HttpServer server;
    private final ExecutorService executor;
    private boolean closed;

    private OperationsServer(GalleyService service, HttpServer server) {
        this.service = service;
        this.server = server;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service.name());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        // Two threads, so a slow scrape never holds up a health probe.
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, service.name() + "-ops");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(HEALTH_PATH, only(HEALTH_PATH, this::health));
        server.createContext(METRICS_PATH, only(METRICS_PATH, this::metrics));
    }

    /** The server as the settings ask for it, started; empty when {@code GALLEY_OPS_ENABLED=false}. */
    public static Optional<OperationsServer> startIfEnabled(GalleyService service, ServiceConfig config) {
        if (!config.getBoolean("GALLEY_OPS_ENABLED", true)) {
            log.info("Operations endpoints for {} are off (GALLEY_OPS_ENABLED=false)", service.name());
            return Optional.empty();
        }
        return Optional.of(start(service, host(config), port(config)));
    }

    /** Starts serving {@code service}'s health and metrics on {@code host:port} ({@code 0}: a free port). */
    public static OperationsServer start(GalleyService service, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the operations port " + host + ":" + port
                    + " for " + service.name() + " (set GALLEY_OPS_PORT to a free port, or GALLEY_OPS_ENABLED=false): "
                    + e.getMessage(), e);
        }
        OperationsServer ops = new OperationsServer(service, server);
        server.start();
        log.info("{}: health on http://{}:{}{}, metrics on {}", service.name(), host, ops.port(), HEALTH_PATH,
                METRICS_PATH);
        return ops;
    }

    static String host(ServiceConfig config) {
        return config.get("GALLEY_OPS_HOST", DEFAULT_HOST);
    }

    static int port(ServiceConfig config) {
        int port = config.getInt("GALLEY_OPS_PORT", DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("GALLEY_OPS_PORT must be a port from 0 to 65535, was " + port);
        }
        return port;
    }

    /** The port actually listened on (the free one chosen when asked for {@code 0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The registry {@code /metrics} reads, for the service's own meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Stops serving and releases the port; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        gcMetrics.close();
        registry.close();
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean healthy;
        try {
            healthy = service.isHealthy();
        } catch (RuntimeException e) {
            log.warn("{}: the health check itself failed; answering DOWN", service.name(), e);
            healthy = false;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", healthy ? "UP" : "DOWN");
        body.put("service", service.name());
        reply(exchange, healthy ? 200 : 503, "application/json", json(body));
    }

    private void metrics(HttpExchange exchange) throws IOException {
        Set<String> names = requestedNames(exchange.getRequestURI().getRawQuery());
        reply(exchange, 200, PROMETHEUS_TEXT,
                names.isEmpty() ? registry.scrape() : registry.scrape(PROMETHEUS_TEXT, names));
    }

    /** The {@code name[]} parameters of a query string, decoded; empty when there are none. */
    static Set<String> requestedNames(String rawQuery) {
        Set<String> names = new LinkedHashSet<>();
        if (rawQuery == null) {
            return names;
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8).equals("name[]")) {
                names.add(URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /** Answers exactly {@code path} to GET and HEAD; the JDK server would otherwise hand it every longer path too. */
    private HttpHandler only(String path, HttpHandler handler) {
        return exchange -> {
            try {
                String method = exchange.getRequestMethod();
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    reply(exchange, 404, "text/plain; charset=utf-8", "Not found; try " + HEALTH_PATH + " or " + METRICS_PATH + "\n");
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    reply(exchange, 405, "text/plain; charset=utf-8", method + " is not allowed here\n");
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("{}: {} {} failed", service.name(), exchange.getRequestMethod(), exchange.getRequestURI(), e);
            } finally {
                exchange.close();
            }
        };
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }
}
