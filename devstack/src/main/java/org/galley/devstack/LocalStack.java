package org.galley.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.galley.enrich.EnrichApp;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.InProcessKafka;
import org.galley.localkafka.LoopbackPorts;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
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

    private LocalStack(InProcessKafka kafka, EmbeddedSchemaRegistry registry, ServiceConfig config,
                       List<GalleyService> stages, SiteService site, int sitePort, int ingestPort) {
        this.kafka = kafka;
        this.registry = registry;
        this.config = config;
        this.stages = stages;
        this.site = site;
        this.sitePort = sitePort;
        this.ingestPort = ingestPort;
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
     * the site from the topics with nothing cached (tests use it to restart the site during an outage).
     */
    public synchronized void restartSite() {
        site.close();
        SiteService restarted = SiteApp.create(config);
        site = restarted;
        restarted.start();
        if (!restarted.awaitHealthy(START_TIMEOUT)) {
            throw new IllegalStateException("The restarted site did not become healthy within " + START_TIMEOUT);
        }
    }

    @Override
    public synchronized void close() {
        if (closed.getAndSet(true)) {
            return;
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
