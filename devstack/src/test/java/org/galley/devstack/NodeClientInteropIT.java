package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.ArticleSubmitted;
import org.galley.registry.RegisteredSchema;
import org.galley.registry.SchemaRegistryClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newsroom tool that is not Galley's: Node.js with kafkajs and {@code @kafkajs/confluent-schema-registry}
 * ({@code interop/node/produce-story.mjs}) produces to {@code articles.submitted} (key String articleId, value
 * Confluent-framed Avro), encoding against the newest schema the registry holds rather than Galley's .avsc,
 * and the whole local stack publishes the story. The stack is fresh: no story went through it and the test
 * registers nothing, so the schema the tool reads is the one ingest registered when it started. Skipped where
 * node or the tool's npm packages are missing.
 */
class NodeClientInteropIT {

    private static final Path TOOL = Path.of("interop", "node");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HEADLINE = "A Story From Outside Galley Crosses the Language Border";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aStoryProducedByKafkajsWithoutAutoRegistrationToAFreshStackIsPublished() throws Exception {
        assumeTrue(nodeIsInstalled(), "node is not on the PATH; .ci/run installs interop/node's packages where node and npm exist");
        assumeTrue(Files.isDirectory(TOOL.resolve("node_modules")),
                "interop/node/node_modules is missing; .ci/run installs it (npm ci in interop/node)");
        Path site = work.resolve("site");

        try (LocalStack stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"), site, Map.of())) {
            // Before any story: the contract is there because ingest registered it at start.
            RegisteredSchema contract = SchemaRegistryClients.forUrl(stack.registryUrl()).latest("articles.submitted-value");
            assertThat(contract.schema()).isEqualTo(ArticleSubmitted.getClassSchema());
            int schemaId = contract.id();
            String id = "node-interop-" + UUID.randomUUID();

            String output = runTool(stack, Files.writeString(work.resolve("story.json"), storyJson(id)));

            assertThat(output).contains("Produced " + id).contains("schema id " + schemaId);
            StoryStatus status = awaitStatus(stack, id);
            assertThat(status.kind()).as("status, reasons " + status.reasons()).isEqualTo(StoryStatus.Kind.PUBLISHED);
            Path page = stack.site().folder().resolve(status.path()).resolve("index.html");
            assertThat(SiteLogs.await(() -> Files.exists(page), WAIT)).as("the site wrote the page").isTrue();
            assertThat(page).exists();
            assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains(HEADLINE);
        }
    }

    /** The story in avsc's shape: unions unwrapped, enums as their symbol, timestamp-millis as epoch millis. */
    private static String storyJson(String id) throws IOException {
        long now = Instant.now().toEpochMilli();
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("articleId", id);
        story.put("revision", 1);
        story.put("action", "PUBLISH");
        story.put("headline", HEADLINE);
        story.put("dek", "A Node.js tool encodes against the registry and Galley takes it from there.");
        story.put("byline", "Ana Müller");
        story.put("category", "Engineering");
        story.put("bodyMarkdown", """
                A newsroom tool written in JavaScript submitted this story. It asked the schema registry for the
                newest schema, encoded the story in the Confluent wire format and produced it with kafkajs.

                ## Why it matters

                Galley's contract is the registered schema, not a Java library, so any language can publish.
                """);
        story.put("hero", Map.of(
                "url", "https://news.example/media/node.png",
                "alt", "A terminal running a Node.js script",
                "caption", "Produced from Node.js.",
                "credit", "Galley"));
        story.put("tags", List.of("Kafka", "Node.js"));
        story.put("submittedAt", now);
        story.put("source", "node-interop");
        story.put("publishedAt", now);
        story.put("language", "en");
        return JSON.writeValueAsString(story);
    }

    private String runTool(LocalStack stack, Path story) throws IOException, InterruptedException {
        Path log = work.resolve("produce-story.log");
        Process process = new ProcessBuilder("node", TOOL.resolve("produce-story.mjs").toString(),
                "--story", story.toString(),
                "--bootstrap-servers", stack.bootstrapServers(),
                "--registry-url", stack.registryUrl())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("produce-story.mjs finished within " + WAIT + "; it printed: " + output).isTrue();
        assertThat(process.exitValue()).as("produce-story.mjs exit code; it printed: " + output).isZero();
        return output;
    }

    /** The story's final status, as ingest's status API answers it. */
    private static StoryStatus awaitStatus(LocalStack stack, String articleId) throws InterruptedException {
        IngestStatusClient ingest = new IngestStatusClient(stack.ingestUrl(), Optional.empty());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StoryStatus> status = ingest.status(articleId).flatMap(found -> found.answering(1L));
            if (status.isPresent()) {
                return status.get();
            }
            // Ingest learns of the story from the topics; there is nothing to block on.
            Thread.sleep(100);
        }
        throw new AssertionError("No final status for " + articleId + " within " + WAIT);
    }

    private static boolean nodeIsInstalled() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
