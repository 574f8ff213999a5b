package org.galley.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.galley.registry.RegistryClientConfig;
import org.galley.registry.RegistryUnavailableException;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.registry.testing.Stories;
import org.galley.registry.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serdes over HTTP while the registry is down: records whose schemas are known keep flowing, the rest
 * fail with a retriable exception (never a {@link SerializationException}, which means poison), and a
 * message that can never be read stays a {@link SerializationException}.
 */
class RegistryOutageSerdeTest {

    private static final String TOPIC = "stories";

    private final EmbeddedSchemaRegistry server = EmbeddedSchemaRegistry.start(0);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWriterSchemaAlreadyFetchedStillReadsWithTheRegistryDown() {
        RegistryAvroSerde<Story> serde = serde(server.url());
        byte[] first = serde.serializer().serialize(TOPIC, Stories.sample());
        serde.deserializer().deserialize(TOPIC, first);
        server.close();

        Story later = Stories.sample();
        later.setId("story-43");
        byte[] second = serde.serializer().serialize(TOPIC, later);

        assertThat(serde.deserializer().deserialize(TOPIC, second)).isEqualTo(later);
    }

    @Test
    void anUnfetchedWriterSchemaWithTheRegistryDownIsRetriableNotASerializationException() {
        byte[] written = serde(server.url()).serializer().serialize(TOPIC, Stories.sample());
        RegistryAvroSerde<Story> reader = serde(server.url());
        server.close();

        assertThatThrownBy(() -> reader.deserializer().deserialize(TOPIC, written))
                .isInstanceOf(RegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .isNotInstanceOf(SerializationException.class);
    }

    @Test
    void registeringWithTheRegistryDownIsRetriableNotASerializationException() throws IOException {
        RegistryAvroSerde<Story> serde = serde("http://127.0.0.1:" + closedPort());

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, Stories.sample()))
                .isInstanceOf(RegistryUnavailableException.class)
                .isNotInstanceOf(SerializationException.class);
    }

    @Test
    void anUnknownSchemaIdFromALiveRegistryIsPoison() {
        byte[] unknownId = {0, 0, 0, 0x30, 0x39, 2, 'x'};

        assertThatThrownBy(() -> serde(server.url()).deserializer().deserialize(TOPIC, unknownId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no schema with id 12345")
                .satisfies(poison -> assertThat(retriableInCauseChain(poison)).isFalse());
    }

    @Test
    void malformedBytesArePoisonWithoutAskingTheRegistry() {
        server.close();
        RegistryAvroSerde<Story> serde = serde(server.url());

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    private static RegistryAvroSerde<Story> serde(String url) {
        RegistryAvroSerde<Story> serde = new RegistryAvroSerde<>(Story.class);
        serde.configure(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, url,
                RegistryClientConfig.RETRY_TIMEOUT_MS, "200", RegistryClientConfig.RETRIES_WAIT_MS, "10"), false);
        return serde;
    }

    private static boolean retriableInCauseChain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
