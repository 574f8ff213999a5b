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
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.galley.localkafka.LoopbackPorts;
import org.galley.runtime.Topics;
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
    void aPreviewOnItsTopicIsServedUnderTheLocalSiteMarkedNoindexAndRobotsTxtKeepsCrawlersOut() throws Exception {
        String path = "/preview/local-stack-preview-0123/";
        String html = "<!doctype html><meta name=\"robots\" content=\"noindex, nofollow\"><title>Draft</title>";
        // As render writes it: the stack created articles.previews with the other topics.
        Properties props = stack.config().producerProperties("galley-submit-it");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "galley-submit-it-preview");
        Topics topics = Topics.fromConfig(stack.config());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props,
                topics.previews().keySerde().serializer(), topics.previews().valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.previews().name(), path, html)).get();
            producer.commitTransaction();
        }
        HttpClient http = HttpClient.newHttpClient();
        URI preview = URI.create(stack.siteUrl() + path.substring(1));

        assertThat(SiteLogs.await(() -> status(http, preview) == 200, WAIT)).as(preview.toString()).isTrue();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(preview).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).isEqualTo(html);
        assertThat(page.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        HttpResponse<String> robots = http.send(HttpRequest.newBuilder(URI.create(stack.siteUrl() + "robots.txt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(robots.body()).contains("Disallow: /preview/");
        assertThat(Files.readString(workDir.resolve("site/sitemap.xml"))).doesNotContain("/preview/");
    }

    @Test
    void aStorySubmittedAsAPreviewGoesThroughEveryStageToItsUnguessableAddressAndNowhereElse() throws Exception {
        Path draft = workDir.resolve("preview-end-to-end.md");
        Files.writeString(draft, """
                ---
                headline: A Draft The Readers Must Not See
                byline: Desk
                category: AI
                tags: [AI]
                ---

                The editor reads this before anyone else does.
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out, "--preview", "--site", stack.siteUrl(), draft.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        String line = printed.lines().filter(l -> l.contains("preview-end-to-end.md")).findFirst().orElseThrow();
        String address = line.substring(line.indexOf(stack.siteUrl() + "preview/")).strip();
        assertThat(address).matches(java.util.regex.Pattern.quote(stack.siteUrl()) + "preview/[A-Za-z0-9_-]{32}/");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("A Draft The Readers Must Not See", "noindex", "Preview");
        // Listed nowhere, and the story is no more than previewed.
        for (String listing : List.of("index.html", "feed.xml", "sitemap.xml", "ai/index.html", "published.jsonl")) {
            Path file = workDir.resolve("site").resolve(listing);
            assertThat(!Files.exists(file) || !Files.readString(file).contains("preview-end-to-end")
                    && !Files.readString(file).contains("Readers Must Not See")).as(listing).isTrue();
        }
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.ingestUrl() + "/preview-end-to-end")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("\"state\":\"previewed\"", address);
    }

    @Test
    void withNoIngestRunningItSaysSoAndExitsOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("--ingest", "http://127.0.0.1:" + LoopbackPorts.free(), "samples/stories/claude-goes-to-work.md");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is `./galley up` running?");
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
