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

import org.galley.localkafka.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./galley submit FILE.md…} against a running local stack: one line per file, and the exit code. */
class GalleySubmitIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

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
        assertThat(SiteLogs.await(() -> !SiteLogs.rejections(workDir.resolve("site"), "no-byline").isEmpty(), WAIT))
                .as("the site logged the rejection").isTrue();
    }

    @Test
    void aTakedownOverHttpRemovesThePageEveryListingAndEveryFeed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(submit(out, "samples/stories/kafka-streams-newsrooms.md")).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path site = workDir.resolve("site");
        // Ingest reports the story published once render has; the site writes its page a moment later.
        assertThat(SiteLogs.await(() -> published(site, "PUBLISH"), WAIT)).isTrue();
        String path = SiteLogs.urlPath(SiteLogs.lastPublished(site, "kafka-streams-newsrooms").orElseThrow());
        String page = path.substring(1) + "index.html";
        assertThat(site.resolve(page)).exists();

        HttpResponse<String> takedown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.ingestUrl() + "/kafka-streams-newsrooms")).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(takedown.statusCode()).as(takedown.body()).isEqualTo(202);
        assertThat(SiteLogs.await(() -> published(site, "UNPUBLISH"), WAIT)).isTrue();
        assertThat(site.resolve(page)).doesNotExist();
        // The page goes as the takedown is applied; the listings follow at the site's next flush.
        assertThat(SiteLogs.await(() -> !Files.exists(site.resolve("tags/apache-kafka/index.html")), WAIT)).isTrue();
        for (String listing : List.of("index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml",
                "engineering/index.html", "engineering/feed.xml")) {
            Path file = site.resolve(listing);
            assertThat(SiteLogs.await(() -> !contains(file, path), WAIT)).as(listing).isTrue();
        }
    }

    @Test
    void withNoIngestRunningItSaysSoAndExitsOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("--ingest", "http://127.0.0.1:" + LoopbackPorts.free(), "samples/stories/claude-goes-to-work.md");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is `./galley up` running?");
    }

    private static boolean published(Path site, String action) {
        return SiteLogs.lastPublished(site, "kafka-streams-newsrooms")
                .filter(line -> line.path("action").asText().equals(action)).isPresent();
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            // Replaced while read: look again.
            return true;
        }
    }

    private static int submit(ByteArrayOutputStream out, String... files) {
        String[] args = new String[files.length + 2];
        args[0] = "--ingest";
        args[1] = stack.ingestUrl().replace("/v1/articles", "");
        System.arraycopy(files, 0, args, 2, files.length);
        return new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
    }
}
