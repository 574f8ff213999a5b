package org.galley.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

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
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place ops watch any Galley service from, the same way for each: a small HTTP server beside the
 * service (on the JDK's own {@code HttpServer}) that {@link ServiceRunner} starts. The local stack serves every
 * service it runs from one of these ({@link #start(String, List, String, int)}).
 *
 * <ul>
 *   <li>{@code GET /healthz/live} -> 200 {@code {"status":"UP","service":"<name>"}} while
 *       {@link GalleyService#isLive()} (the process is working: not failed for good, not wedged), else 503
 *       {@code {"status":"DOWN",...}}: for liveness probes and container healthchecks ({@link HealthProbe}).
 *       A service that is starting, rebalancing or replaying is live.</li>
 *   <li>{@code GET /healthz/ready} -> the same, while {@link GalleyService#isHealthy()} (a Streams client
 *       RUNNING, the site caught up): for readiness probes and for waiting on start-up. {@code GET /healthz}
 *       is the same as ready, for the probes and scripts written before the two were told apart.</li>
 *   <li>{@code GET /metrics} -> the service's meters in Prometheus text format: JVM memory, GC, threads,
 *       processor and uptime, plus what the service registers through {@link GalleyService#bindMetrics}
 *       (Kafka Streams' metrics for a stream processor). Every meter carries the tag {@code service=<name>}.
 *       {@code ?name[]=jvm_memory_used_bytes} (repeatable) answers only those metrics, as Prometheus' own
 *       client does: a frequent reader of one gauge then costs the service little.</li>
 * </ul>
 * Serving several services, a health answer is UP only when every one is, and names each
 * ({@code "services":{"ingest":"UP","site":"DOWN"}}); each service's meters carry its own {@code service} tag,
 * and the JVM's (one JVM for all) the server's name.
 *
 * <p>Settings: {@code GALLEY_OPS_ENABLED} (default {@code true}), {@code GALLEY_OPS_HOST} (default {@code 0.0.0.0}),
 * {@code GALLEY_OPS_PORT} (default {@value #DEFAULT_PORT}; {@code 0} takes a free port).
 */
public final class OperationsServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9400;
    public static final String DEFAULT_HOST = "0.0.0.0";

    static final String HEALTH_PATH = "/healthz";
    public static final String LIVE_PATH = "/healthz/live";
    public static final String READY_PATH = "/healthz/ready";
    static final String METRICS_PATH = "/metrics";

    private static final Logger log = LoggerFactory.getLogger(OperationsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final String name;
    private final List<GalleyService> services;
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final HttpServer server;
    private final ExecutorService executor;
    private boolean closed;

    private OperationsServer(String name, List<GalleyService> services, HttpServer server) {
        this.name = name;
        this.services = List.copyOf(services);
        this.server = server;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", name);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        // Two threads, so a slow scrape never holds up a health probe.
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, name + "-ops");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        // The JDK server hands a request to the context with the longest matching prefix.
        server.createContext(HEALTH_PATH, only(HEALTH_PATH, exchange -> health(exchange, GalleyService::isHealthy)));
        server.createContext(READY_PATH, only(READY_PATH, exchange -> health(exchange, GalleyService::isHealthy)));
        server.createContext(LIVE_PATH, only(LIVE_PATH, exchange -> health(exchange, GalleyService::isLive)));
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
        return start(service.name(), List.of(service), host, port);
    }

    /**
     * Starts serving the health and metrics of all {@code services}, which run in this JVM, on one
     * {@code host:port} ({@code 0}: a free port); {@code name} tags the JVM's meters and answers as the service.
     */
    public static OperationsServer start(String name, List<GalleyService> services, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the operations port " + host + ":" + port
                    + " for " + name + " (set GALLEY_OPS_PORT to a free port, or GALLEY_OPS_ENABLED=false): "
                    + e.getMessage(), e);
        }
        OperationsServer ops = new OperationsServer(name, services, server);
        server.start();
        log.info("{}: health on http://{}:{}{} and {}, metrics on {}", name, host, ops.port(), LIVE_PATH, READY_PATH,
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

    /**
     * Lets each service register its own meters ({@link GalleyService#bindMetrics}), once it has started. Serving
     * one service, it binds to {@link #registry()}; serving several, each binds through a view of it that tags
     * its meters with its own {@code service} name (a meter's own tag wins over the registry's common one).
     */
    public void bindMetrics() {
        for (GalleyService service : services) {
            if (services.size() == 1) {
                service.bindMetrics(registry);
            } else {
                CompositeMeterRegistry tagged = new CompositeMeterRegistry();
                tagged.config().commonTags("service", service.name());
                tagged.add(registry);
                service.bindMetrics(tagged);
            }
        }
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

    private void health(HttpExchange exchange, Predicate<GalleyService> check) throws IOException {
        Map<String, String> states = new LinkedHashMap<>();
        for (GalleyService service : services) {
            states.put(service.name(), up(service, check) ? "UP" : "DOWN");
        }
        boolean healthy = !states.containsValue("DOWN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "UP" : "DOWN");
        body.put("service", name);
        if (services.size() > 1) {
            body.put("services", states);
        }
        reply(exchange, healthy ? 200 : 503, "application/json", json(body));
    }

    private static boolean up(GalleyService service, Predicate<GalleyService> check) {
        try {
            return check.test(service);
        } catch (RuntimeException e) {
            log.warn("{}: the health check itself failed; answering DOWN", service.name(), e);
            return false;
        }
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
                    reply(exchange, 404, "text/plain; charset=utf-8", "Not found; try " + LIVE_PATH + ", " + READY_PATH + " or " + METRICS_PATH + "\n");
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    reply(exchange, 405, "text/plain; charset=utf-8", method + " is not allowed here\n");
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("{}: {} {} failed", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
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

    private static String json(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and maps of strings is always JSON", e);
        }
    }
}
