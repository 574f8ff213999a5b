package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.galley.localkafka.LoopbackPorts;

/**
 * One Galley stage in a JVM of its own, started by its production {@code main} with the environment docker-compose
 * would give it, so a test can kill it the way a host or an OOM killer does: SIGKILL, with no close, no commit, no
 * leaving the group. Its state dir and ops port stay the same across restarts, as a container's volume would.
 */
final class StageProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String mainClass;
    private final Map<String, String> env;
    private final Path log;
    private final int opsPort;
    private Process process;
    private int starts;

    StageProcess(String name, String mainClass, Map<String, String> env, Path workDir) {
        this.name = name;
        this.mainClass = mainClass;
        this.opsPort = LoopbackPorts.free();
        this.env = new HashMap<>(env);
        this.env.put("GALLEY_STATE_DIR", workDir.resolve("state-" + name).toString());
        this.env.put("GALLEY_OPS_HOST", "127.0.0.1");
        this.env.put("GALLEY_OPS_PORT", Integer.toString(opsPort));
        this.log = workDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    /** Starts the stage's JVM; its output goes to {@code <name>.log}, appended across restarts. */
    synchronized void start() {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                // Short-lived JVMs on a small machine: C1 alone compiles far less, and the heap stays small.
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Nothing from the test's own environment may change the stage's Kafka or Galley settings.
        builder.environment().keySet().removeIf(key -> key.startsWith("KAFKA_") || key.startsWith("GALLEY_")
                || key.startsWith("SCHEMA_REGISTRY_"));
        builder.environment().putAll(env);
        try {
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Kills the stage at once (SIGKILL) and waits for it to be gone. */
    synchronized void halt() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int starts() {
        return starts;
    }

    /** Waits until the stage answers its health check, or fails with the end of its log. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/healthz"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (HTTP.send(health, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " was not healthy within " + timeout + "\n" + logTail());
    }

    /** The last lines of the stage's log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
