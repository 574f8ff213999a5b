package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./galley submit} against a stand-in for ingest's HTTP API that answers with a given status. */
class SubmitCommandTest {

    private static final String RECEIPT = """
            {"articleId": "claude-goes-to-work", "revision": 2, "status": "submitted",
             "statusUrl": "/v1/articles/claude-goes-to-work"}""";

    private static final String PREVIEW_RECEIPT = """
            {"articleId": "claude-goes-to-work", "revision": 2, "status": "submitted",
             "statusUrl": "/v1/articles/claude-goes-to-work",
             "previewUrl": "http://localhost:8080/preview/Zq3_kP9-xW2mT7vR4nB8/"}""";

    private static final String NOT_YET_PREVIEWED = """
            {"articleId": "claude-goes-to-work", "state": "accepted", "revision": 2, "acceptedRevision": 2,
             "history": [{"state": "accepted", "revision": 2}]}""";

    private HttpServer ingest;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger siteAsked = new AtomicInteger();

    @AfterEach
    void stop() {
        if (ingest != null) {
            ingest.stop(0);
        }
    }

    @Test
    void aStoryThatFailsInALaterStageGetsAFailedLineNamingTheStageAndExitsOne() throws Exception {
        start("""
                {"articleId": "claude-goes-to-work", "state": "failed", "stage": "render", "revision": 2,
                 "acceptedRevision": 2, "reasons": [{"field": "render", "code": "too-large",
                 "message": "The render stage made a page or event larger than Kafka takes."}],
                 "history": [{"state": "accepted", "revision": 2}, {"state": "failed", "revision": 2}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(UpCommand.FAILED);
        assertThat(printed).contains("failed").contains("claude-goes-to-work.md").contains("in render")
                .contains("larger than Kafka takes");
    }

    @Test
    void aRevisionRefusedAfterItsReceiptIsRejectedNamingTheNewestAccepted() throws Exception {
        start("""
                {"articleId": "claude-goes-to-work", "state": "published", "revision": 2, "acceptedRevision": 2,
                 "url": "http://localhost/ai/claude/",
                 "history": [{"state": "published", "revision": 2}, {"state": "rejected", "revision": 2}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(UpCommand.SOME_REJECTED);
        assertThat(printed).contains("rejected").contains("revision 2 was refused: revision 2 is the newest accepted");
    }

    @Test
    void aPublishedStoryIsStillPublished() throws Exception {
        start("""
                {"articleId": "claude-goes-to-work", "state": "published", "revision": 2, "acceptedRevision": 2,
                 "url": "http://localhost/ai/claude/",
                 "history": [{"state": "rejected", "revision": 2}, {"state": "accepted", "revision": 2},
                             {"state": "published", "revision": 2}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(submit(out)).isEqualTo(UpCommand.ALL_PUBLISHED);
        assertThat(posted).singleElement().asString().doesNotContain("preview");
    }

    @Test
    void aPreviewIsAskedForAndItsAddressPrintedOnceTheStatusHasItAndTheSiteServesThePage() throws Exception {
        startPreview(List.of(NOT_YET_PREVIEWED, previewed(2, "Zq3_kP9-xW2mT7vR4nB8")), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out, "--preview", "--site", "http://127.0.0.1:" + ingest.getAddress().getPort());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(UpCommand.ALL_PUBLISHED);
        assertThat(posted).singleElement().asString().contains("id=claude-goes-to-work").contains("preview=true");
        assertThat(printed).contains("👁  preview").contains("claude-goes-to-work.md")
                .contains("http://localhost:8080/preview/Zq3_kP9-xW2mT7vR4nB8/");
        assertThat(siteAsked).as("asked again after a 404, until the site served it").hasValue(2);
    }

    @Test
    void withoutASiteThePreviewsAddressIsPrintedAsSoonAsTheStatusHasIt() throws Exception {
        startPreview(List.of(NOT_YET_PREVIEWED, previewed(2, "Zq3_kP9-xW2mT7vR4nB8")), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out, "--preview", "--site", "");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(UpCommand.ALL_PUBLISHED);
        assertThat(printed).contains("👁  preview").contains("http://localhost:8080/preview/Zq3_kP9-xW2mT7vR4nB8/");
        assertThat(siteAsked).hasValue(0);
    }

    @Test
    void aPreviewOfAnEarlierRevisionIsNotTakenForThisOnes() throws Exception {
        startPreview(List.of(previewed(1, "EarlierRevision-0123456789"), previewed(2, "Zq3_kP9-xW2mT7vR4nB8")), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out, "--preview", "--site", "");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(UpCommand.ALL_PUBLISHED);
        assertThat(printed).contains("/preview/Zq3_kP9-xW2mT7vR4nB8/").doesNotContain("EarlierRevision");
    }

    @Test
    void anIngestThatAnswersAPreviewWithoutItsAddressIsReportedAsFailed() throws Exception {
        start(NOT_YET_PREVIEWED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = submit(out, "--preview");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(UpCommand.FAILED);
        assertThat(printed).contains("did not take it as a preview");
    }

    private static String previewed(long revision, String token) {
        return """
                {"articleId": "claude-goes-to-work", "state": "accepted", "revision": 2, "acceptedRevision": 2,
                 "preview": {"url": "http://localhost:8080/preview/%s/", "revision": %d, "at": "2026-04-22T10:00:00Z"},
                 "history": [{"state": "accepted", "revision": 2}]}""".formatted(token, revision);
    }

    /**
     * Ingest answering a preview's receipt and then each status in turn (the last one from then on), and the site
     * at {@code /preview/} answering 404 until it is asked for the {@code servedAt}-th time.
     */
    private void startPreview(List<String> statuses, int servedAt) throws IOException {
        AtomicInteger asked = new AtomicInteger();
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/v1/articles", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                posted.add(exchange.getRequestURI().getRawQuery());
                answer(exchange, 202, PREVIEW_RECEIPT);
            } else {
                answer(exchange, 200, statuses.get(Math.min(asked.getAndIncrement(), statuses.size() - 1)));
            }
        });
        ingest.createContext("/preview/Zq3_kP9-xW2mT7vR4nB8/", exchange ->
                answer(exchange, siteAsked.incrementAndGet() >= servedAt ? 200 : 404, "<p>a draft</p>"));
        ingest.start();
    }

    private int submit(ByteArrayOutputStream out, String... options) {
        List<String> args = new ArrayList<>(List.of("--ingest", "http://127.0.0.1:" + ingest.getAddress().getPort(),
                "--wait", "10"));
        args.addAll(List.of(options));
        args.add("../samples/stories/claude-goes-to-work.md");
        return new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute(args.toArray(String[]::new));
    }

    private void start(String status) throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/v1/articles", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                posted.add(exchange.getRequestURI().getRawQuery());
            }
            answer(exchange, exchange.getRequestMethod().equals("POST") ? 202 : 200,
                    exchange.getRequestMethod().equals("POST") ? RECEIPT : status);
        });
        ingest.start();
    }

    private static void answer(HttpExchange exchange, int code, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(bytes);
        }
    }
}
