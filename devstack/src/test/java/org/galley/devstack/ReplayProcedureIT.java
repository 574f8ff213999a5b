package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.tools.StreamsResetter;
import org.galley.enrich.EnrichApp;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.InProcessKafka;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-render procedure of docs/operations.md ("Replaying history"), step by step, as an operator runs it after a
 * template change: stop render, reset its application with the class {@code kafka-streams-application-reset.sh}
 * runs and the documented arguments, delete its local state, start the new render. Every live story is then
 * published again with the new page, and taken-down stories stay down.
 */
class ReplayProcedureIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path workDir;

    @Test
    void resettingRenderAndWipingItsStateRepublishesEveryStoryWithTheNewTemplate() throws Exception {
        SubmissionPlan plan = SubmissionPlan.of(40, new Random(3));
        try (InProcessKafka kafka = InProcessKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            ServiceConfig config = new ServiceConfig(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SCHEMA_REGISTRY_URL", registry.url(),
                    "GALLEY_STATE_DIR", workDir.resolve("state").toString(),
                    "GALLEY_INGEST_HOST", "127.0.0.1",
                    "GALLEY_INGEST_PORT", "0",
                    "GALLEY_SITE_BASE_URL", "https://news.example",
                    "GALLEY_SITE_NAME", "The Old Masthead"));
            Topics topics = Topics.fromConfig(config);
            TopicAdmin.ensure(config, topics.all());
            List<GalleyService> upstream = List.of(IngestApp.create(config), EnrichApp.create(config));
            GalleyService render = RenderApp.create(config);
            try {
                upstream.forEach(GalleyService::start);
                render.start();
                List<Throwable> failures = new ArrayList<>();
                SubmissionPlan.send(kafka.bootstrapServers(), registry.url(), plan, Duration.ZERO, failures);
                assertThat(failures).isEmpty();
                awaitBalanced(kafka, topics);
                Set<String> live = finalEvents(kafka, topics).stream()
                        .filter(event -> event.getAction() == Action.PUBLISH).map(ArticlePublished::getArticleId)
                        .collect(Collectors.toSet());
                assertThat(live).isNotEmpty();
                int before = finalEvents(kafka, topics).size();

                // 1. Stop every render instance.
                render.close();
                // 2. Reset the application to the start of its input, as docs/operations.md gives it.
                int exit = new StreamsResetter().execute(new String[] {"--bootstrap-server", kafka.bootstrapServers(),
                        "--application-id", RenderApp.APPLICATION_ID, "--input-topics", topics.enriched().name(),
                        "--to-earliest"});
                assertThat(exit).as("kafka-streams-application-reset").isZero();
                // 3. Delete each instance's local state for the application.
                Utils.delete(workDir.resolve("state").resolve(RenderApp.APPLICATION_ID).toFile());
                // 4. Start the new render.
                render = RenderApp.create(config.with(Map.of("GALLEY_SITE_NAME", "The New Masthead")));
                render.start();

                awaitRepublished(kafka, topics, live);
                List<ArticlePublished> after = finalEvents(kafka, topics);
                assertThat(after).hasSize(before);
                assertThat(after).filteredOn(event -> event.getAction() == Action.PUBLISH)
                        .extracting(ArticlePublished::getArticleId).containsExactlyInAnyOrderElementsOf(live);
                assertThat(after).filteredOn(event -> event.getAction() == Action.PUBLISH)
                        .allSatisfy(event -> assertThat(event.getPage().getHtml()).contains("The New Masthead")
                                .doesNotContain("The Old Masthead"));
            } finally {
                render.close();
                upstream.forEach(GalleyService::close);
            }
        }
    }

    private static void awaitBalanced(InProcessKafka kafka, Topics topics) throws InterruptedException {
        assertThat(AuditCommand.settle(kafka.bootstrapServers(), topics, WAIT).balanced())
                .as("every submission has an outcome").isTrue();
    }

    /** Waits until the last event of every live story carries the new masthead. */
    private static void awaitRepublished(InProcessKafka kafka, Topics topics, Set<String> live) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Set<String> renewed = finalEvents(kafka, topics).stream()
                    .filter(event -> event.getAction() == Action.PUBLISH
                            && event.getPage().getHtml().contains("The New Masthead"))
                    .map(ArticlePublished::getArticleId).collect(Collectors.toSet());
            if (renewed.equals(live)) {
                return;
            }
            assertThat(System.nanoTime()).as("stories republished: %d of %d", renewed.size(), live.size())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Each story's last event on articles.published. */
    private static List<ArticlePublished> finalEvents(InProcessKafka kafka, Topics topics) {
        Map<String, ArticlePublished> last = new TreeMap<>();
        TopicReader.readAll(kafka.bootstrapServers(), topics.published().name(), record -> {
            ArticlePublished event = topics.published().valueSerde().deserializer()
                    .deserialize(topics.published().name(), record.value());
            last.put(event.getArticleId(), event);
        });
        return List.copyOf(last.values());
    }
}
