package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.localkafka.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./galley up} over a kept data folder, as the launcher runs it (on a fixed Kafka port, which is what keeps
 * the broker's log): a later run resumes with the earlier run's stories and schema ids, republishing the same
 * story files is reported as already published rather than as rejections, and {@code --fresh} starts empty.
 */
class GalleyUpKeepsItsDataIT {

    private static final Path SAMPLES = Path.of("samples", "stories");
    private static final List<String> SAMPLE_IDS =
            List.of("kafka-streams-newsrooms", "claude-goes-to-work", "microsoft-openai-partnership");
    private static final Duration STORY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aLaterRunKeepsTheStoriesAndSchemaIdsRepublishingIsAlreadyPublishedAndFreshStartsEmpty() throws Exception {
        Path data = work.resolve(".galley");
        int kafkaPort = LoopbackPorts.free();
        LocalStack.Ports ports = new LocalStack.Ports(kafkaPort, 0, 0, 0);

        Map<String, String> schemasBefore;
        try (LocalStack first = LocalStack.start(ports, data, data.resolve("site"), Map.of())) {
            PublishReport report = new StoryPublisher(first, System.out, new PlainLines(System.out, STORY_TIMEOUT),
                    new InFlightWindow.Limits(8, STORY_TIMEOUT), StoryFolder.OLDEST_FIRST).publishFolder(SAMPLES);
            assertThat(report.exitCode()).as(report.summary()).isEqualTo(UpCommand.ALL_PUBLISHED);
            registerScratchSchema(first.registryUrl(), "{\"type\":\"record\",\"name\":\"ScratchOne\",\"fields\":[]}");
            schemasBefore = schemas(first.registryUrl());
        }

        Run again = galleyUp(SAMPLES, data, kafkaPort);

        assertThat(again.exit()).as(again.console()).isZero();
        assertThat(again.console()).contains("3 published (3 of them already were");
        assertThat(publishedIds(data.resolve("site"))).containsExactlyInAnyOrderElementsOf(SAMPLE_IDS);
        assertThat(lines(data.resolve("site").resolve("rejected.jsonl"))).as("no duplicate-revision rejections").isEmpty();

        try (LocalStack third = LocalStack.start(ports, data, data.resolve("site"), Map.of())) {
            assertThat(schemas(third.registryUrl())).as("subject, version and id of every schema")
                    .isEqualTo(schemasBefore);
            int maxId = schemasBefore.values().stream().mapToInt(value -> Integer.parseInt(value.split("@")[1]))
                    .max().orElseThrow();
            assertThat(registerScratchSchema(third.registryUrl(), "{\"type\":\"record\",\"name\":\"ScratchTwo\",\"fields\":[]}")).isEqualTo(maxId + 1);
            IngestStatusClient ingest = new IngestStatusClient(third.ingestUrl(), Optional.empty());
            assertThat(SAMPLE_IDS).allSatisfy(id -> assertThat(ingest.status(id))
                    .as(id).hasValueSatisfying(status -> assertThat(status.kind()).isEqualTo(StoryStatus.Kind.PUBLISHED)));
        }

        Path oneStory = Files.createDirectories(work.resolve("one"));
        Files.copy(SAMPLES.resolve("claude-goes-to-work.md"), oneStory.resolve("claude-goes-to-work.md"));
        Run fresh = galleyUp(oneStory, data, kafkaPort, "--fresh");

        assertThat(fresh.exit()).as(fresh.console()).isZero();
        assertThat(fresh.console()).contains("1 published, 0 rejected").doesNotContain("already were");
        assertThat(publishedIds(data.resolve("site"))).containsExactly("claude-goes-to-work");
        try (var files = Files.walk(data.resolve("site"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains("microsoft-openai-partnership"));
        }
    }

    private record Run(int exit, String console) {
    }

    private static Run galleyUp(Path articles, Path data, int kafkaPort, String... more) {
        List<String> args = new ArrayList<>(List.of("up", "--articles", articles.toString(),
                "--data", data.toString(), "--exit-when-idle",
                "--kafka-port", Integer.toString(kafkaPort), "--registry-port", "0", "--ingest-port", "0", "--site-port", "0"));
        args.addAll(List.of(more));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new GalleyCli()).execute(args.toArray(String[]::new));
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            original.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    /** Every subject's versions as "version@id", by subject. */
    private static Map<String, String> schemas(String registryUrl) throws Exception {
        Map<String, String> schemas = new TreeMap<>();
        for (JsonNode subject : get(registryUrl + "/subjects")) {
            String versions = StreamSupport.stream(
                            get(registryUrl + "/subjects/" + subject.asText() + "/versions").spliterator(), false)
                    .map(version -> version.asInt() + "@" + get(registryUrl + "/subjects/" + subject.asText()
                            + "/versions/" + version.asInt()).path("id").asInt())
                    .collect(Collectors.joining(","));
            schemas.put(subject.asText(), versions);
        }
        return schemas;
    }

    /** Registers a schema under a subject no service uses, with no compatibility rule, and returns its id. */
    private static int registerScratchSchema(String registryUrl, String schema) throws Exception {
        send(HttpRequest.newBuilder(URI.create(registryUrl + "/config/scratch-value"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}")));
        return send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/scratch-value/versions"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", schema)))))
                .path("id").asInt();
    }

    private static JsonNode get(String url) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        } catch (Exception e) {
            throw new AssertionError("GET " + url + " failed", e);
        }
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                request.header("Content-Type", "application/vnd.schemaregistry.v1+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> publishedIds(Path site) throws IOException {
        return lines(site.resolve("published.jsonl")).stream().map(line -> line.get("articleId").asText())
                .distinct().toList();
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(text -> !text.isBlank())
                .map(text -> {
                    try {
                        return JSON.readTree(text);
                    } catch (IOException e) {
                        throw new AssertionError("Not JSON: " + text, e);
                    }
                }).toList();
    }
}
