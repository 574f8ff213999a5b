package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.ingest.IngestSettings;

/** An {@link IngestHttpServer} on a free port with a recording sink and in-memory statuses, and a client for it. */
final class FrontDoor implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final RecordingSink sink = new RecordingSink();
    final InMemoryStatuses statuses = new InMemoryStatuses();
    final IngestHttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    FrontDoor(IngestSettings settings) {
        server = new IngestHttpServer(settings.withHttpPort(0), sink, statuses, Clock.fixed(NOW, ZoneOffset.UTC));
        server.start();
    }

    static FrontDoor open() {
        return new FrontDoor(IngestSettings.defaults());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> post(String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request("/v1/articles").header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return post(contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    static List<JsonNode> errors(HttpResponse<String> response) throws IOException {
        List<JsonNode> errors = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(errors::add);
        return errors;
    }

    @Override
    public void close() {
        server.close();
    }
}
