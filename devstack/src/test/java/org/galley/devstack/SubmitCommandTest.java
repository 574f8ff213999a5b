package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

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

    private HttpServer ingest;

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
    }

    private int submit(ByteArrayOutputStream out) {
        return new CommandLine(new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("--ingest", "http://127.0.0.1:" + ingest.getAddress().getPort(), "--wait", "10",
                        "../samples/stories/claude-goes-to-work.md");
    }

    private void start(String status) throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/v1/articles", exchange -> answer(exchange,
                exchange.getRequestMethod().equals("POST") ? 202 : 200,
                exchange.getRequestMethod().equals("POST") ? RECEIPT : status));
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
