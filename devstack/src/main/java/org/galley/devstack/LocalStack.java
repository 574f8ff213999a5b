package org.galley.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;

import org.galley.enrich.EnrichApp;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.InProcessKafka;
import org.galley.localkafka.LoopbackPorts;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.GalleyService;
import org.galley.runtime.OperationsServer;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.galley.site.SiteApp;
import org.galley.site.SiteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Galley needs, in this JVM: a KRaft broker, a Confluent-compatible schema registry, ingest,
 * enrich, render and the site. Each service is the same object its own {@code main} runs in production;
 * only the addresses differ, passed as the same environment variables docker-compose sets.
 *
 * <p>{@link #serveOperations} serves every service's health and metrics on one port, through the same
 * {@link OperationsServer} each service's own process opens. A service that fails for good is not a reason to
 * stop the others (they share this JVM): the stack logs it once and reports it DOWN there.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** Fixed ports for {@code ./galley up}; 0 means a free one (tests). */
    public record Ports(int kafka, int registry, int ingest, int site) {
        public static Ports defaults() {
            return new Ports(9092, 8081, 8082, 8080);
        }
    }

    private final InProcessKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final ServiceConfig config;
    private final List<GalleyService> stages;
    private volatile SiteService site;
    private final int sitePort;
    private final int ingestPort;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher;
    private OperationsServer ops;

    private LocalStack(InProcessKafka kafka, EmbeddedSchemaRegistry registry, ServiceConfig config,
                       List<GalleyService> stages, SiteService site, int sitePort, int ingestPort) {
        this.kafka = kafka;
        this.registry = registry;
        this.config = config;
        this.stages = stages;
        this.site = site;
        this.sitePort = sitePort;
        this.ingestPort = ingestPort;
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "galley-stack-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::reportFailures, 1, 1, TimeUnit.SECONDS);
    }

    /** Logs each service that has failed for good, once; {@link ServiceRunner} would exit, the stack carries on. */
    private void reportFailures() {
        for (GalleyService service : services()) {
            try {
                service.failure().filter(failure -> reportedFailures.add(service.name())).ifPresent(failure ->
                        log.error("{} has failed for good: {}. The local stack keeps running the others and reports it"
                                + " DOWN on /healthz/live; restart ./galley up to start it again.", service.name(), failure));
            } catch (RuntimeException e) {
                log.warn("Could not ask {} whether it has failed", service.name(), e);
            }
        }
    }

    /** The services the stack runs, the site as it is now (it may have been restarted). */
    private List<GalleyService> services() {
        List<GalleyService> services = new ArrayList<>(stages);
        services.add(site);
        return services;
    }

    /**
     * Serves {@code /healthz/live}, {@code /healthz/ready} (every service) and {@code /metrics} (every service's
     * meters, each with its {@code service} tag) on {@code host:port} ({@code 0}: a free one) until the stack
     * closes; {@link OperationsServer#port()} says which.
     */
    public synchronized OperationsServer serveOperations(String host, int port) {
        if (ops != null) {
            throw new IllegalStateException("The local stack already serves its operations on port " + ops.port());
        }
        List<GalleyService> services = new ArrayList<>(stages);
        services.add(new CurrentSite());
        ops = OperationsServer.start("galley", services, host, port);
        ops.bindMetrics();
        return ops;
    }

    /** The site as it is now, for the operations server: {@link #restartSite()} replaces it. */
    private final class CurrentSite implements GalleyService {

        @Override
        public String name() {
            return site.name();
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("The local stack starts the site");
        }

        @Override
        public boolean isHealthy() {
            return site.isHealthy();
        }

        @Override
        public boolean isLive() {
            return site.isLive();
        }

        @Override
        public Optional<String> failure() {
            return site.failure();
        }

        @Override
        public void bindMetrics(MeterRegistry registry) {
            site.bindMetrics(registry);
        }

        @Override
        public void close() {
            throw new UnsupportedOperationException("The local stack closes the site");
        }
    }

    /**
     * Starts the stack. {@code workDir} holds Kafka's log and the services' state; {@code siteDir} receives the
     * site. {@code extraEnv} adds or overrides service settings (e.g. branding). With a fixed Kafka port the log in
     * {@code workDir} is kept, with the registry's schemas in it, so a stack started again over the same
     * {@code workDir} resumes where it stopped; with port 0 it is temporary.
     */
    public static LocalStack start(Ports ports, Path workDir, Path siteDir, Map<String, String> extraEnv) {
        InProcessKafka kafka = ports.kafka() == 0
                ? InProcessKafka.start()
                : InProcessKafka.start(ports.kafka(), workDir.resolve("kafka"));
        EmbeddedSchemaRegistry registry = null;
        List<GalleyService> started = new ArrayList<>();
        try {
            // With a kept log dir the registry keeps its schemas in it too (_schemas), so ids survive a restart.
            registry = ports.kafka() == 0
                    ? EmbeddedSchemaRegistry.start(ports.registry())
                    : EmbeddedSchemaRegistry.startOnKafka(ports.registry(), Map.of("bootstrap.servers", kafka.bootstrapServers()));
            int sitePort = ports.site() == 0 ? LoopbackPorts.free() : ports.site();
            int ingestPort = ports.ingest() == 0 ? LoopbackPorts.free() : ports.ingest();
            ServiceConfig config = new ServiceConfig(System.getenv()).with(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SCHEMA_REGISTRY_URL", registry.url(),
                    "GALLEY_STATE_DIR", workDir.resolve("state").toString(),
                    "GALLEY_SITE_DIR", siteDir.toString(),
                    "GALLEY_SITE_HOST", "127.0.0.1",
                    "GALLEY_SITE_PORT", Integer.toString(sitePort),
                    "GALLEY_SITE_BASE_URL", "http://localhost:" + sitePort,
                    "GALLEY_INGEST_PORT", Integer.toString(ingestPort),
                    "GALLEY_INGEST_HOST", "127.0.0.1")).with(extraEnv);
            Topics topics = Topics.fromConfig(config);
            TopicAdmin.ensure(config, topics.all());
            PublicContracts.enforce(registry.url(), topics);

            SiteService site = SiteApp.create(config);
            List<GalleyService> stages = List.of(IngestApp.create(config), EnrichApp.create(config), RenderApp.create(config));
            List<GalleyService> services = new ArrayList<>(stages);
            services.add(site);
            for (GalleyService service : services) {
                service.start();
                started.add(service);
            }
            for (GalleyService service : services) {
                if (!service.awaitHealthy(START_TIMEOUT)) {
                    throw new IllegalStateException(service.name() + " did not become healthy within " + START_TIMEOUT);
                }
            }
            log.info("Local stack is up: Kafka {}, registry {}", kafka.bootstrapServers(), registry.url());
            return new LocalStack(kafka, registry, config, stages, site, sitePort, ingestPort);
        } catch (RuntimeException e) {
            closeAll(started);
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    /** The settings every service got; producers and consumers in the stack's tests use them too. */
    public ServiceConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String siteUrl() {
        return "http://localhost:" + sitePort + "/";
    }

    public String ingestUrl() {
        return "http://localhost:" + ingestPort + "/v1/articles";
    }

    public SiteService site() {
        return site;
    }

    /**
     * Stops the site and starts a new one with the same settings, as a restarted site process would: it rebuilds
     * the site from the topics with nothing cached (tests use it to restart the site during an outage). It does
     * not wait for the new site to be ready: that takes catching up with the topics, which a registry outage
     * holds up ({@code site().awaitHealthy} waits for it).
     */
    public synchronized void restartSite() {
        site.close();
        SiteService restarted = SiteApp.create(config);
        site = restarted;
        restarted.start();
    }

    @Override
    public synchronized void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        watcher.shutdownNow();
        if (ops != null) {
            ops.close();
        }
        closeAll(List.of(site));
        closeAll(stages);
        registry.close();
        kafka.close();
    }

    private static void closeAll(List<GalleyService> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (RuntimeException e) {
                log.warn("{} did not close cleanly", services.get(i).name(), e);
            }
        }
    }
}
