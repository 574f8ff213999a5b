package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.galley.registry.StubRegistry.Reply;
import org.junit.jupiter.api.Test;

/**
 * The client over HTTP when the registry is away or unwell: transient failures are retried within a small
 * budget and then surface as {@link RegistryUnavailableException}; the registry's answers about a schema or
 * id are not retried and stay {@link RegistryException}s.
 */
class RegistryOutageTest {

    private static final String TEXT = "\"string\"";

    @Test
    void aRegistryWhereNothingListensIsRetriedThenUnavailableAsARetriableException() throws IOException {
        SchemaRegistryClient client = client("http://127.0.0.1:" + closedPort());

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("GET schemas/ids/1")
                .hasMessageContaining("tries");
    }

    @Test
    void serverErrorsAreRetriedUntilTheBudgetIsSpent() {
        try (StubRegistry registry = StubRegistry.http(n -> Reply.error(503, 50003))) {
            SchemaRegistryClient client = client(registry.url());

            assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryUnavailableException.class)
                    .hasCauseInstanceOf(RegistryException.class);
            assertThat(registry.requests()).isGreaterThan(1);
        }
    }

    @Test
    void aRegistryThatComesBackWithinTheBudgetAnswersTheSameCall() {
        try (StubRegistry registry = StubRegistry.http(n -> switch (n) {
            case 1 -> Reply.error(500, 50001);
            case 2 -> Reply.error(429, 429);
            default -> Reply.schema(TEXT);
        })) {
            SchemaRegistryClient client = SchemaRegistryClients.forConfig(Map.of(
                    RegistryClientConfig.SCHEMA_REGISTRY_URL, registry.url(), RegistryClientConfig.RETRIES_WAIT_MS, "1"));

            assertThat(client.schemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
            assertThat(registry.requests()).isEqualTo(3);
        }
    }

    @Test
    void anUnknownSchemaIdIsTheRegistrysAnswerAndIsNotRetried() {
        try (StubRegistry registry = StubRegistry.http(n -> Reply.error(404, 40403))) {
            SchemaRegistryClient client = client(registry.url());

            assertThatThrownBy(() -> client.schemaById(9)).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    @Test
    void anIncompatibleSchemaIsTheRegistrysAnswerAndIsNotRetried() {
        try (StubRegistry registry = StubRegistry.http(n -> Reply.error(409, 409))) {
            SchemaRegistryClient client = client(registry.url());

            assertThatThrownBy(() -> client.register("notes-value", Schema.create(Schema.Type.STRING)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    @Test
    void refusedCredentialsAreUnavailableAtOnceNotPoison() {
        try (StubRegistry registry = StubRegistry.http(n -> Reply.error(401, 40101))) {
            SchemaRegistryClient client = client(registry.url());

            assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("credentials");
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedCallIsUnavailableAndKeepsTheInterrupt() throws IOException {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl("http://127.0.0.1:" + closedPort());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryUnavailableException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static SchemaRegistryClient client(String url) {
        return SchemaRegistryClients.forConfig(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, url,
                RegistryClientConfig.RETRY_TIMEOUT_MS, "300", RegistryClientConfig.RETRIES_WAIT_MS, "10"));
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
