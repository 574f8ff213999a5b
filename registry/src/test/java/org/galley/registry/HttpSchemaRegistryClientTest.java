package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.avro.Schema;
import org.galley.registry.serde.RegistryAvroSerde;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.registry.testing.Stories;
import org.galley.registry.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP client, and the serde through it, against the embedded registry over real HTTP. */
class HttpSchemaRegistryClientTest {

    private static final Schema TEXT = Schema.create(Schema.Type.STRING);

    private final EmbeddedSchemaRegistry server = EmbeddedSchemaRegistry.start(0);
    private final SchemaRegistryClient client = SchemaRegistryClients.forConfig(Map.of(
            RegistryClientConfig.SCHEMA_REGISTRY_URL, server.url(), RegistryClientConfig.RETRY_TIMEOUT_MS, "300"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersLooksUpAndFetchesSchemasThroughTheServer() {
        int id = client.register("stories-value", Story.getClassSchema());

        assertThat(client.register("stories-value", Story.getClassSchema())).isEqualTo(id);
        assertThat(client.idOf("stories-value", Story.getClassSchema())).isEqualTo(id);
        assertThat(client.subjects()).containsExactly("stories-value");
        assertThat(client.latest("stories-value")).isEqualTo(new RegisteredSchema("stories-value", id, 1, Story.getClassSchema()));
        assertThat(SchemaRegistryClients.forUrl(server.url()).schemaById(id)).isEqualTo(Story.getClassSchema());
    }

    @Test
    void registryRefusalsCarryStatusAndConfluentErrorCode() {
        client.register("stories-value", Stories.STORY_V1);

        assertThatThrownBy(() -> client.latest("nothing-value")).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(40401);
        });
        assertThatThrownBy(() -> client.idOf("stories-value", TEXT))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.schemaById(404))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.register("stories-value", TEXT))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("incompatible");
                });
    }

    @Test
    void urlsInAListAreTriedInOrderPastOnesThatCannotBeReached() throws IOException {
        SchemaRegistryClient failingOver = SchemaRegistryClients.forUrl("http://127.0.0.1:" + closedPort() + "," + server.url());

        int id = failingOver.register("notes-value", TEXT);

        assertThat(client.schemaById(id)).isEqualTo(TEXT);
    }

    @Test
    void schemasAndIdsOnceKnownAreServedFromCacheWhenTheRegistryIsGone() {
        int id = client.register("notes-value", TEXT);
        server.close();

        assertThat(client.schemaById(id)).isEqualTo(TEXT);
        assertThat(client.idOf("notes-value", TEXT)).isEqualTo(id);
        assertThat(client.register("notes-value", TEXT)).isEqualTo(id);
        assertThatThrownBy(client::subjects).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void serdeRoundTripsThroughTheRealServer() {
        RegistryAvroSerde<Story> serde = RegistryAvroSerde.forValues(Story.class, server.url());

        byte[] bytes = serde.serializer().serialize("stories", Stories.sample());

        assertThat(RegistryAvroSerde.forValues(Story.class, server.url()).deserializer().deserialize("stories", bytes))
                .isEqualTo(Stories.sample());
        assertThat(client.latest("stories-value").schema()).isEqualTo(Story.getClassSchema());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
