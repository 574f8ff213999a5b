package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.galley.registry.server.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the embedded registry refuses to read (bodies over 1 MiB) and what its error bodies never carry (internal text). */
class RegistryErrorBodiesTest {

    private static final int LIMIT = RegistryHttpHandler.MAX_BODY_BYTES;

    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0);
    private final RegistryHttp http = new RegistryHttp(registry.url());

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aBodyDeclaredLargerThanOneMebibyteIs413WithAConfluentErrorBody() {
        Answer refused = http.send("POST", "/subjects/big-value/versions", paddedSchemaBody(LIMIT + 1), RegistryHttp.V1_JSON);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(refused.errorCode()).isEqualTo(413);
        assertThat(refused.json().path("message").asText()).contains("larger");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() throws IOException, InterruptedException {
        byte[] body = paddedSchemaBody(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/big-value/versions"))
                .header("Content-Type", RegistryHttp.V1_JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(RegistryHttp.json(refused.body()).path("error_code").asInt()).isEqualTo(413);
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsRead() {
        Answer registered = http.send("POST", "/subjects/big-value/versions", paddedSchemaBody(LIMIT), RegistryHttp.V1_JSON);

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().has("id")).isTrue();
    }

    @Test
    void malformedJsonIsRefusedWithoutTheParsersText() {
        Answer refused = http.send("POST", "/subjects/a-value/versions", "{\"schema\": nope}", RegistryHttp.V1_JSON);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).startsWith("Malformed request body")
                .doesNotContain("nope").doesNotContain("Exception").doesNotContain("jackson");
    }

    @Test
    void aSchemaThatIsNotJsonIsUnprocessableWithoutTheParsersText() {
        Answer refused = http.post("/subjects/a-value/versions", Map.of("schema", "{\"type\": record"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
        assertThat(refused.json().path("message").asText()).contains("not valid JSON")
                .doesNotContain("Exception").doesNotContain("jackson");
    }

    @Test
    void anUnexpectedFailureIsAnswered500WithoutItsMessageOrStack() {
        RegistryRoutes routes = new RegistryRoutes(new SchemaStore());

        ApiReply reply = routes.handle(new ApiRequest("POST", List.of("subjects", "a-value", "versions"), Map.of(), null));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(RegistryHttp.json(reply.json()).path("error_code").asInt()).isEqualTo(50001);
        assertThat(reply.json()).doesNotContain("Exception").doesNotContain("src").doesNotContain("null").doesNotContain("at org.");
    }

    /** A registration body of exactly {@code size} bytes: the schema "string" and padding in a field the registry ignores. */
    private static String paddedSchemaBody(int size) {
        String start = "{\"schema\":\"\\\"string\\\"\",\"padding\":\"";
        String end = "\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }
}
