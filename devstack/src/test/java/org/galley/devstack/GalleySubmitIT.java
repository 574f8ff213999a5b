package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.galley.localkafka.LoopbackPorts;
import org.galley.site.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./galley submit FILE.md…} against a running local stack: one line per file, and the exit code. */
class GalleySubmitIT {

    @TempDir
    static Path workDir;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), workDir.resolve("work"), workDir.resolve("site"), Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aGoodStoryIsReportedPublishedWithItsUrlAndABadOneRejectedWithItsReasons() throws Exception {
        Path bad = workDir.resolve("no-byline.md");
        Files.writeString(bad, """
                ---
                headline: A Story Nobody Wrote
                category: AI
                ---

                Who wrote this?
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out, Path.of("samples/stories/claude-goes-to-work.md").toString(), bad.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(2);
        assertThat(printed.lines().filter(line -> line.contains("claude-goes-to-work.md")))
                .singleElement().asString()
                .contains("published").contains(stack.siteUrl() + "ai/claude-goes-to-work");
        assertThat(printed.lines().filter(line -> line.contains("no-byline.md")))
                .singleElement().asString()
                .contains("rejected").contains("byline");
        // Ingest recorded the rejection before answering 422; the site learns of it from articles.rejected.
        assertThat(siteOutcomeOf("no-byline")).isEqualTo(Outcome.Kind.REJECTED);
    }

    @Test
    void aTakedownOverHttpRemovesThePageEveryListingAndEveryFeed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(submit(out, "samples/stories/kafka-streams-newsrooms.md")).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path site = workDir.resolve("site");
        // Ingest reports the story published once render has; the site lists it at its next flush.
        String path = awaitOutcome("kafka-streams-newsrooms", outcome -> outcome.kind() == Outcome.Kind.PUBLISHED)
                .orElseThrow().path();
        String page = path.substring(1) + "index.html";
        assertThat(site.resolve(page)).exists();

        HttpResponse<String> takedown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.ingestUrl() + "/kafka-streams-newsrooms")).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(takedown.statusCode()).as(takedown.body()).isEqualTo(202);
        assertThat(awaitKind("kafka-streams-newsrooms", Outcome.Kind.UNPUBLISHED)).isTrue();
        assertThat(site.resolve(page)).doesNotExist();
        for (String listing : List.of("index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml",
                "engineering/index.html", "engineering/feed.xml")) {
            Path file = site.resolve(listing);
            if (Files.exists(file)) {
                assertThat(Files.readString(file)).as(listing).doesNotContain(path);
            }
        }
        assertThat(site.resolve("tags/apache-kafka/index.html")).doesNotExist();
    }

    @Test
    void withNoIngestRunningItSaysSoAndExitsOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("--ingest", "http://127.0.0.1:" + LoopbackPorts.free(), "samples/stories/claude-goes-to-work.md");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is `./galley up` running?");
    }

    /** The site's outcome for the story once it matches, or empty after 30 s. */
    private static Optional<Outcome> awaitOutcome(String articleId, Predicate<Outcome> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Outcome> outcome = stack.site().outcome(articleId).filter(wanted);
            if (outcome.isPresent()) {
                return outcome;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    private static boolean awaitKind(String articleId, Outcome.Kind kind) throws InterruptedException {
        return awaitOutcome(articleId, outcome -> outcome.kind() == kind).isPresent();
    }

    private static Outcome.Kind siteOutcomeOf(String articleId) throws InterruptedException {
        return awaitOutcome(articleId, outcome -> true)
                .orElseThrow(() -> new AssertionError("The site never heard of " + articleId)).kind();
    }

    private static int submit(ByteArrayOutputStream out, String... files) {
        String[] args = new String[files.length + 2];
        args[0] = "--ingest";
        args[1] = stack.ingestUrl().replace("/v1/articles", "");
        System.arraycopy(files, 0, args, 2, files.length);
        return new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
    }
}
