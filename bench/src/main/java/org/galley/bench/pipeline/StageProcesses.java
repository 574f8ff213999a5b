package org.galley.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.galley.localkafka.LoopbackPorts;

/**
 * Stream processors run as child JVMs, the way production runs Galley's stages: each its own process with a
 * {@value #HEAP_LIMIT_MB} MB heap limit, its own ops port and settings, started with its own {@code main} on this
 * benchmark's classpath. Each one's output goes to {@code <logs>/<name>.log}.
 *
 * <p>While they run, each one's heap gauge ({@code /metrics?name[]=jvm_memory_used_bytes}) is read every
 * {@code 250 ms} and the largest heap in use
 * (every heap pool of {@code jvm_memory_used_bytes}, added up) is kept. Closing stops them (SIGTERM, so each
 * closes its streams cleanly; killed if still there after 30 s); a JVM shutdown hook does the same, so a Ctrl-C
 * or a failed run leaves no child behind.
 */
final class StageProcesses implements AutoCloseable {

    static final int HEAP_LIMIT_MB = 256;

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /**
     * Settings a child must not inherit from whoever started the benchmark: the benchmark sets its own. Other
     * {@code KAFKA_*} settings do reach every stage, so a tuning can be measured ({@code KAFKA_LINGER_MS=0 ./galley
     * bench}).
     */
    private static final List<String> OWN_PREFIXES = List.of("KAFKA_BOOTSTRAP_SERVERS", "GALLEY_", "SCHEMA_REGISTRY_");

    private record Child(String name, Process process, int opsPort, Path log, AtomicLong peakHeapBytes) {
    }

    private final Path logDir;
    private final Map<String, String> commonEnv;
    private final Map<String, Child> children = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService sampler;
    private final Thread shutdownHook = new Thread(this::stopAll, "bench-stop-children");
    private boolean closed;

    /** @param commonEnv settings every child gets (the broker and registry addresses) */
    StageProcesses(Path logDir, Map<String, String> commonEnv) {
        this.logDir = logDir;
        this.commonEnv = Map.copyOf(commonEnv);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sampleHeaps, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts {@code mainClass} as the child {@code name}, with {@code env} over the common settings. */
    synchronized void start(String name, String mainClass, Map<String, String> env) {
        int opsPort = LoopbackPorts.free();
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaCommand(mainClass))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(variable -> OWN_PREFIXES.stream().anyMatch(variable::startsWith));
        childEnv.putAll(commonEnv);
        childEnv.putAll(env);
        childEnv.put("GALLEY_OPS_HOST", LOOPBACK);
        childEnv.put("GALLEY_OPS_PORT", Integer.toString(opsPort));
        try {
            Files.createDirectories(logDir);
            children.put(name, new Child(name, builder.start(), opsPort, log, new AtomicLong(-1)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + mainClass + ")", e);
        }
    }

    /** Waits until every child answers 200 on {@code /healthz}; fails at once if one exits, saying why. */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Child> waiting = new ArrayList<>(children());
        while (!waiting.isEmpty()) {
            requireAlive();
            waiting.removeIf(this::healthy);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.get(0).name() + " did not become healthy within " + timeout
                        + "; see " + waiting.get(0).log());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Fails if any child has exited: a stage that died (out of memory, say) would make every figure a lie. */
    void requireAlive() {
        for (Child child : children()) {
            if (!child.process().isAlive()) {
                throw new IllegalStateException(child.name() + " exited with status " + child.process().exitValue()
                        + "; its last lines (" + child.log() + "):\n" + tail(child.log(), 15));
            }
        }
    }

    /** Each child's largest heap in use while it ran, in MiB; null for one never read. */
    Map<String, Double> peakHeapMb() {
        Map<String, Double> peaks = new LinkedHashMap<>();
        for (Child child : children()) {
            long bytes = child.peakHeapBytes().get();
            peaks.put(child.name(), bytes < 0 ? null : bytes / (1024.0 * 1024.0));
        }
        return peaks;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        sampler.shutdownNow();
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to: it stops the children itself.
        }
    }

    private void stopAll() {
        List<Child> running = children();
        running.forEach(child -> child.process().destroy());
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Child child : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    child.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                child.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sampleHeaps() {
        for (Child child : children()) {
            if (!child.process().isAlive()) {
                continue;
            }
            try {
                // Only the heap gauge: a whole scrape (hundreds of Kafka meters) four times a second per stage
                // cost a pass-through stage 40% of its stream thread's CPU, and would be counted against Galley.
                HttpResponse<String> metrics = get(child, "/metrics?name[]=jvm_memory_used_bytes");
                if (metrics.statusCode() == 200) {
                    OptionalDouble heap = PrometheusText.heapUsedBytes(metrics.body());
                    heap.ifPresent(bytes -> child.peakHeapBytes().accumulateAndGet((long) bytes, Math::max));
                }
            } catch (IOException | RuntimeException e) {
                // Not listening yet, or going away: the next sample tries again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean healthy(Child child) {
        try {
            return get(child, "/healthz").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + child.name(), e);
        }
    }

    private HttpResponse<String> get(Child child, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + child.opsPort() + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private synchronized List<Child> children() {
        return List.copyOf(children.values());
    }

    private static List<String> javaCommand(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Out of memory ends the child, so the run fails instead of measuring a stage that limps on.
        return List.of(java, "-Xmx" + HEAP_LIMIT_MB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), mainClass);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
