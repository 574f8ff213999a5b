package org.galley.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.galley.runtime.OperationsServer;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./galley up}: starts the whole pipeline in this JVM, publishes a folder of story files through it
 * ({@link StoryPublisher}, with a progress bar on a terminal and a line per story otherwise), serves every
 * service's health and metrics on one ops port ({@code --ops-port}, 9400 by default), and either keeps
 * serving the site until Ctrl-C or, with {@code --exit-when-idle}, exits once the pipeline is idle with 0 when
 * every story was published, 2 when any was rejected, and 1 on failure (including a pipeline still busy after
 * {@code --story-timeout}).
 *
 * <p>The broker's log, the stream state and the registry's schemas are kept in {@code .galley/} ({@code --data}),
 * so the next run resumes where this one stopped, with the same stories and schema ids; {@code --fresh} empties it
 * first. With {@code --kafka-port 0} (tests) nothing is kept.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run broker, registry, ingest, enrich, render and the preview site; publish story files.")
final class UpCommand implements Callable<Integer> {

    static final int ALL_PUBLISHED = 0;
    static final int FAILED = 1;
    static final int SOME_REJECTED = 2;

    @Option(names = "--articles", paramLabel = "DIR", description = "Folder of *.md story files (default: ${DEFAULT-VALUE}).")
    Path articles = Path.of("samples", "stories");

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site is written (default: site/ in the --data folder).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the broker's log, the stream state and the "
            + "registry's schemas are kept between runs (default: ${DEFAULT-VALUE}).")
    Path data = Path.of(".galley");

    @Option(names = "--fresh", description = "Start over: empty the --data folder (all but its logs) first.")
    boolean fresh;

    @Option(names = "--exit-when-idle", description = "Exit once every story is published or rejected and the pipeline is idle.")
    boolean exitWhenIdle;

    @Option(names = "--kafka-port", description = "Kafka port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int kafkaPort = LocalStack.Ports.defaults().kafka();

    @Option(names = "--registry-port", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort = LocalStack.Ports.defaults().registry();

    @Option(names = "--ingest-port", description = "Ingest HTTP port (default: ${DEFAULT-VALUE}).")
    int ingestPort = LocalStack.Ports.defaults().ingest();

    @Option(names = "--site-port", description = "Preview site port (default: ${DEFAULT-VALUE}).")
    int sitePort = LocalStack.Ports.defaults().site();

    @Option(names = "--ops-port", description = "Port of /healthz/live, /healthz/ready and /metrics for every service"
            + " it runs (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int opsPort = OperationsServer.DEFAULT_PORT;

    @Option(names = "--story-timeout", description = "How long to wait for each story from when it is sent, and then "
            + "for the pipeline to go idle, in seconds (default: ${DEFAULT-VALUE}).")
    long storyTimeoutSeconds = 60;

    @Option(names = "--in-flight", paramLabel = "N", description = "How many stories may be sent and not yet "
            + "published or rejected; 1 sends each once the last is through (default: ${DEFAULT-VALUE}).")
    int inFlight = 256;

    private final PrintStream console = System.out;

    @Override
    public Integer call() {
        if (inFlight < 1) {
            System.err.println("--in-flight must be at least 1, was " + inFlight);
            return FAILED;
        }
        if (!Files.isDirectory(articles)) {
            System.err.println("No such folder of stories: " + articles.toAbsolutePath());
            return FAILED;
        }
        if (out == null) {
            out = data.resolve("site");
        }
        // The stack keeps its Kafka log only on a fixed port; with port 0 the rest must go too, or stream state
        // would outlive the topics it was built from.
        boolean keep = kafkaPort != 0;
        if (fresh) {
            if (keep && portTaken(kafkaPort)) {
                // Most likely another ./galley up over this folder: its broker's log must not vanish under it.
                System.err.println("Kafka's port " + kafkaPort + " is taken; stop what runs there before --fresh.");
                return FAILED;
            }
            WorkDir.clearAllButLogs(data);
        }
        Path workDir = keep ? WorkDir.kept(data) : WorkDir.create();
        LocalStack.Ports ports = new LocalStack.Ports(kafkaPort, registryPort, ingestPort, sitePort);
        LocalStack stack;
        try {
            stack = LocalStack.start(ports, workDir, out.toAbsolutePath(), Map.of());
        } catch (RuntimeException e) {
            if (!keep) {
                WorkDir.deleteQuietly(workDir);
            }
            System.err.println("galley up could not start: " + e.getMessage());
            return FAILED;
        }
        OperationsServer ops;
        try {
            ops = stack.serveOperations("127.0.0.1", opsPort);
        } catch (RuntimeException e) {
            stack.close();
            if (!keep) {
                WorkDir.deleteQuietly(workDir);
            }
            System.err.println("galley up could not start: " + e.getMessage());
            return FAILED;
        }
        // Ctrl-C runs this hook; it stops the services in order and removes a throw-away working folder.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            if (!keep) {
                WorkDir.deleteQuietly(workDir);
            }
        }, "galley-up-shutdown"));
        try {
            printAddresses(stack, ops);
            console.println(keep ? "  Data             " + data + " (kept between runs; --fresh starts over)"
                    : "  Data             not kept (--kafka-port 0)");
            MediaFolder.copyInto(articles, out);
            Duration storyTimeout = Duration.ofSeconds(storyTimeoutSeconds);
            // A redrawn line only makes sense on a terminal; pipes and CI logs get a line per story.
            PublishListener listener = System.console() != null
                    ? ProgressBar.forTerminal(console, storyTimeout)
                    : new PlainLines(console, storyTimeout);
            PublishReport report = new StoryPublisher(stack, console, listener,
                    new InFlightWindow.Limits(inFlight, storyTimeout), StoryFolder.OLDEST_FIRST).publishFolder(articles);
            console.println(report.summary() + " Site written to " + out.toAbsolutePath() + ".");
            if (exitWhenIdle) {
                return report.exitCode();
            }
            console.println("Serving " + stack.siteUrl() + " - press Ctrl-C to stop.");
            Thread.currentThread().join();
            return ALL_PUBLISHED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            System.err.println("galley up failed: " + e.getMessage() + " (details in the log)");
            LoggerFactory.getLogger(UpCommand.class).error("galley up failed", e);
            return FAILED;
        } finally {
            if (exitWhenIdle) {
                stack.close();
            }
        }
    }

    private static boolean portTaken(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException taken) {
            return true;
        }
    }

    private void printAddresses(LocalStack stack, OperationsServer ops) {
        console.println("Galley is up:");
        console.println("  Kafka            " + stack.bootstrapServers());
        console.println("  Schema registry  " + stack.registryUrl());
        console.println("  Ingest (HTTP)    " + stack.ingestUrl());
        console.println("  Site             " + stack.siteUrl());
        console.println("  Previews         " + stack.siteUrl() + "preview/<token>/ (./galley submit --preview --site "
                + stack.siteUrl() + " FILE.md)");
        console.println("  Health, metrics  http://localhost:" + ops.port() + "/healthz/ready, /healthz/live, /metrics");
        console.println("  Logs             " + System.getenv().getOrDefault("GALLEY_LOG_FILE", ".galley/galley.log"));
    }
}
