package org.galley.bench.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.galley.events.ArticleSubmitted;
import org.slf4j.LoggerFactory;

/**
 * {@code ./galley bench}: the end-to-end pipeline benchmark. In one run, on one broker, it measures the ceiling (a
 * chain of three pass-through stages), Galley's replay throughput, latency under load, a cold Hugo build of the
 * same stories and every stage's peak heap, then prints a table and writes {@code result.json} and
 * {@code result.svg} (see docs/performance.md). The broker and the registry run in this JVM; the stages, the
 * ceiling's and Galley's, each in its own child JVM. Exits 0 when the run completed (whether or not the targets
 * were met), 1 when it could not, 2 on a bad option.
 */
public final class PipelineBench {

    /** Seeds the corpus: every run submits the same stories. */
    static final long SEED = 20_260_501L;

    private final BenchOptions options;
    private final PrintStream console;

    PipelineBench(BenchOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public static void main(String[] args) {
        if (BenchOptions.wantsHelp(args)) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        logTo(options.out().resolve("logs").resolve("bench.log"));
        System.exit(new PipelineBench(options, System.out).runAndReport());
    }

    /** Runs every phase, prints the table and writes the files; answers the exit status. */
    int runAndReport() {
        try {
            BenchResult result = run();
            console.println();
            console.print(ResultTable.format(result));
            write(options.out().resolve("result.json"), ResultJson.write(result));
            write(options.out().resolve("result.svg"), SvgChart.render(result));
            console.println("Wrote " + options.out().resolve("result.json") + " and " + options.out().resolve("result.svg"));
            return 0;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(PipelineBench.class).error("The benchmark failed", e);
            console.println("The benchmark failed: " + e.getMessage());
            console.println("Logs: " + options.out().resolve("logs"));
            return 1;
        }
    }

    BenchResult run() {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Path out = options.out();
        for (String generated : List.of("state", "site")) {
            Folders.delete(out.resolve(generated));
        }
        // The latency run's stories come after the replay's, in dates as in ids: live news is the newest.
        Corpus corpus = Corpus.load(Corpus.SAMPLE_FOLDERS, options.stories() + options.latencyStories(), SEED);
        List<ArticleSubmitted> stories = corpus.stories(0, options.stories());
        int recordBytes = Corpus.medianWireSize(stories);
        console.printf("Corpus: %,d stories from %d sample files; median %,d bytes as submitted%n",
                stories.size(), corpus.samples(), recordBytes);
        double ceiling;
        Replay replay;
        LatencyRun latency;
        Map<String, Double> peakHeapMb;
        try (BenchCluster cluster = BenchCluster.start()) {
            console.printf("1/4 Ceiling: %,d records through 3 pass-through stages%n", stories.size());
            ceiling = CeilingChain.run(cluster, stories.size(), recordBytes, out, console);
            console.printf("  %s records/s%n", SvgChart.number(ceiling));
            console.println("2/4 Replay: starting ingest, enrich, render and site");
            try (GalleyStages galley = GalleyStages.start(cluster, out, console)) {
                replay = Replay.run(galley, stories, console);
                console.printf("  %s stories/s%n", SvgChart.number(replay.perSecond()));
                console.printf("3/4 Latency: %d stories/s for %d s%n", options.rate(), options.seconds());
                latency = LatencyRun.run(galley, corpus.stories(options.stories(), options.latencyStories()),
                        options.rate(), options.seconds(), console);
                peakHeapMb = galley.stopAndReadPeakHeaps();
            }
        }
        console.println("4/4 Hugo: the same stories, built cold");
        Optional<HugoBuild> hugo = HugoBuild.runIfInstalled(stories, out.resolve("hugo"),
                out.resolve("logs").resolve("hugo.log"), console);
        return BenchResult.of(date, options, Machine.detect(), recordBytes, ceiling, replay, latency, hugo, peakHeapMb);
    }

    /** Sends this JVM's logs (the broker's, mostly) to a file; must run before the first logger is made. */
    private static void logTo(Path file) {
        System.setProperty("galley.bench.log", file.toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
