package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleRejected;
import org.galley.ingest.http.KafkaSubmissionSink;
import org.galley.events.RejectionReason;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest as it runs, on a real broker and schema registry: stories sent over HTTP come out accepted or
 * rejected, their status can be followed over HTTP, and garbage on the submitted topic reaches the
 * dead-letter topic under exactly-once.
 */
class IngestAppIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stateDir;

    private static KafkaCluster kafka;
    private static EmbeddedSchemaRegistry registry;
    private static ServiceConfig config;
    private static GalleyService ingest;
    private static int port;
    /** Ingest's meters, bound as its ops server binds them. */
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startIngest() throws IOException {
        kafka = TestKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        port = freePort();
        config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_INGEST_HOST", "127.0.0.1",
                "GALLEY_INGEST_PORT", Integer.toString(port),
                "GALLEY_STATE_DIR", stateDir.toString(),
                "GALLEY_TOPIC_PARTITIONS", "1"));
        ingest = IngestApp.create(config);
        ingest.start();
        ingest.bindMetrics(meters);
        assertThat(ingest.awaitHealthy(WAIT)).as("ingest became healthy").isTrue();
    }

    @AfterAll
    static void stopIngest() {
        if (ingest != null) {
            ingest.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void storiesSentOverHttpAreAcceptedOrRejectedAndGarbageGoesToTheDeadLetterTopic() throws Exception {
        Topics topics = Topics.fromConfig(config);
        byte[] story = Files.readAllBytes(Path.of(System.getProperty("user.dir"))
                .resolve("../samples/stories/microsoft-openai-partnership.md").normalize());

        assertThat(post("?id=microsoft-openai-partnership", "text/markdown", story).statusCode()).isEqualTo(202);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(clientProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.submitted().name(), "garbage".getBytes(StandardCharsets.UTF_8),
                    "not a submission".getBytes(StandardCharsets.UTF_8))).get();
        }
        assertThat(post("", "application/json",
                "{\"articleId\": \"no-headline\", \"revision\": 1, \"byline\": \"B\", \"category\": \"C\", \"bodyMarkdown\": \"Body\"}"
                        .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(422);

        ConsumerRecord<String, ArticleAccepted> accepted = read(topics.accepted().name(),
                topics.accepted().valueSerde().deserializer(), "microsoft-openai-partnership");
        assertThat(accepted.value().getSubmission().getHero().getUrl())
                .isEqualTo("http://localhost:8080/media/ai-partnership.svg");

        ConsumerRecord<String, ArticleRejected> rejected = read(topics.rejected().name(),
                topics.rejected().valueSerde().deserializer(), "no-headline");
        assertThat(rejected.value().getReasons()).extracting(RejectionReason::getField).containsExactly("headline");
        assertThat(rejected.value().getSource()).isEqualTo("http");
        assertThat(new String(rejected.headers().lastHeader(KafkaSubmissionSink.INTAKE_HEADER).value(),
                StandardCharsets.UTF_8)).as("refused at the HTTP door, never on articles.submitted").isEqualTo("http");

        ConsumerRecord<String, byte[]> dead = read(topics.deadLetter().name(), new ByteArrayDeserializer(), "garbage");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a submission");
        assertThat(dead.headers().lastHeader("__streams.errors.exception")).isNotNull();

        assertThat(meters.get("galley.accepted").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("galley.rejected").tag("reason", "required").counter().count())
                .as("refusals at the HTTP door count too").isGreaterThanOrEqualTo(1);
        assertThat(meters.get("galley.dead.lettered").tags("stage", "ingest", "reason", "unreadable").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aStoryRefusedOverHttpIsRejectedWithItsReasonsInItsStatus() throws Exception {
        HttpResponse<String> refused = post("", "application/json", ("{\"articleId\": \"no-byline\", \"revision\": 3, "
                + "\"headline\": \"H\", \"category\": \"C\", \"bodyMarkdown\": \"Body\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("statusUrl").asText()).isEqualTo("/v1/articles/no-byline");

        JsonNode status = awaitState("no-byline", "rejected");

        assertThat(status.get("revision").asLong()).isEqualTo(3);
        assertThat(status.get("reasons").get(0).get("field").asText()).isEqualTo("byline");
        assertThat(status.get("reasons").get(0).get("code").asText()).isEqualTo("required");
    }

    @Test
    void aGoodStorysStatusGoesFromSubmittedToAcceptedAndTheBatchStatusAnswersItToo() throws Exception {
        byte[] story = Files.readAllBytes(Path.of(System.getProperty("user.dir"))
                .resolve("../samples/stories/claude-goes-to-work.md").normalize());

        HttpResponse<String> receipt = post("?id=claude-story", "text/markdown", story);
        assertThat(receipt.statusCode()).isEqualTo(202);

        JsonNode status = awaitState("claude-story", "accepted");

        assertThat(status.get("revision").asLong()).isEqualTo(1);
        assertThat(status.get("history")).extracting(change -> change.get("state").asText())
                .containsExactly("submitted", "accepted");
        assertThat(get("/v1/articles/never-sent").statusCode()).isEqualTo(404);

        HttpResponse<String> batch = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/statuses")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"ids\": [\"claude-story\", \"never-sent\"]}")).build(),
                BodyHandlers.ofString());
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        JsonNode statuses = JSON.readTree(batch.body());
        assertThat(statuses.get("statuses")).singleElement()
                .isEqualTo(JSON.readTree(get("/v1/articles/claude-story").body()));
        assertThat(statuses.get("unknown")).singleElement().extracting(JsonNode::asText).isEqualTo("never-sent");
        assertThat(statuses.get("unavailable")).isEmpty();
    }

    /** Asks for the story's status until it is in the state; a real pipeline takes its time. */
    private JsonNode awaitState(String articleId, String state) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> response;
        do {
            response = get("/v1/articles/" + articleId);
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get("state").asText().equals(state)) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(articleId + " never reached " + state + "; last answer " + response.statusCode()
                + " " + response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String query, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/articles" + query))
                .header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)).build(),
                BodyHandlers.ofString());
    }

    /** The first record under the key, read committed, waiting for it as long as a real pipeline may take. */
    private static <V> ConsumerRecord<String, V> read(String topic, Deserializer<V> values, String key) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + topic + "-" + key);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record under " + key + " on " + topic);
    }

    private static Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
