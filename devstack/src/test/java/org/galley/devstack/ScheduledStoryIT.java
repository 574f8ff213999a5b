package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.galley.enrich.EnrichApp;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.ingest.IngestApp;
import org.galley.localkafka.InProcessKafka;
import org.galley.localkafka.LoopbackPorts;
import org.galley.registry.server.EmbeddedSchemaRegistry;
import org.galley.render.RenderApp;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.TopicAdmin;
import org.galley.runtime.Topics;
import org.galley.site.SiteApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story scheduled a few seconds ahead, through the whole pipeline on a real broker (ingest, enrich, render and
 * the site, each the object its own {@code main} runs): it is {@code scheduled} and nothing of it is on
 * {@code articles.published}, {@code pages}, {@code cache-invalidations} or in the site while other stories go
 * through; ingest is stopped while it is held and started again on an empty state folder, so only its changelogs
 * can bring the hold back; the story then comes out after its time, never before, and once. A second story taken
 * down while held is {@code cancelled} and never seen anywhere, not even as a takedown.
 *
 * <p>The stack is built here rather than by {@link LocalStack} because the test restarts ingest alone. Topics have
 * one partition, so a story sent later and seen published shows that everything before it has come out.
 */
class ScheduledStoryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Long enough ahead to see the story held, restart ingest and see it held again; short enough to wait for. */
    private static final Duration AHEAD = Duration.ofSeconds(8);
    private static final String PUBLISHED = Topics.PUBLISHED;
    private static final String[] OUTPUT_TOPICS = {Topics.PUBLISHED, Topics.PAGES, Topics.CACHE_INVALIDATIONS};

    @TempDir
    Path work;

    private InProcessKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private final List<GalleyService> services = new ArrayList<>();
    private GalleyService ingest;
    private OutputWatch watch;

    @Test
    void aStoryScheduledAheadIsHeldThroughAnIngestRestartAndPublishedOnceAfterItsTimeAndATakedownCancelsAnother() {
        ServiceConfig config = startStack();
        Path site = work.resolve("site");
        NewsroomDesk desk = new NewsroomDesk(ingestUrl(config));
        watch = OutputWatch.start(kafka.bootstrapServers(), OUTPUT_TOPICS);
        // A first story through the cold stages, so the waits below are for the schedule, not for warming up.
        desk.send(story("warm-up", 1, "Harbour Cranes Return to Work", null));
        awaitPublished(site, "warm-up");

        Instant releaseAt = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.MILLIS);
        desk.send(story("orbital-ferry", 1, "Orbital Ferry Launch Set for Dawn", releaseAt));
        desk.send(story("lunar-rover", 1, "Lunar Rover Returns to Service", releaseAt));
        assertThat(Instant.parse(desk.awaitState("orbital-ferry", "scheduled").path("releaseAt").asText()))
                .isEqualTo(releaseAt);
        desk.awaitState("lunar-rover", "scheduled");
        desk.takeDown("lunar-rover");
        desk.awaitState("lunar-rover", "cancelled");
        // A story sent after them comes out: the pipeline flows, and holds only the scheduled ones.
        desk.send(story("control-before", 1, "Tram Line Extension Opens", null));
        awaitPublished(site, "control-before");
        assertNothingOf(site, "orbital", "lunar");

        services.remove(ingest);
        ingest.close();
        // An empty state folder: the hold can come back only from ingest's changelogs.
        ServiceConfig restarted = config.with(Map.of(
                "GALLEY_STATE_DIR", work.resolve("ingest-state-after-restart").toString(),
                "GALLEY_INGEST_PORT", Integer.toString(LoopbackPorts.free())));
        ingest = IngestApp.create(restarted);
        services.add(ingest);
        ingest.start();
        assertThat(ingest.awaitHealthy(WAIT)).as("ingest healthy again").isTrue();
        desk = new NewsroomDesk(ingestUrl(restarted));
        assertThat(Instant.now()).as("the restart must end before the story's time for this test to show the hold"
                + " across it; make AHEAD longer on a slow machine").isBefore(releaseAt);
        assertThat(desk.status("orbital-ferry").path("state").asText()).isEqualTo("scheduled");
        assertThat(desk.status("lunar-rover").path("state").asText()).isEqualTo("cancelled");

        while (Instant.now().isBefore(releaseAt.minusMillis(200))) {
            assertNothingOf(site, "orbital", "lunar");
            NewsroomDesk.pause();
        }
        Instant seenAt = awaitPublished(site, "orbital-ferry");
        assertThat(seenAt).as("first seen on the site").isAfterOrEqualTo(releaseAt);
        desk.send(story("control-after", 1, "Night Buses Run Again", null));
        awaitPublished(site, "control-after");

        assertThat(watch.awaitMention(WAIT, Topics.CACHE_INVALIDATIONS, "orbital")).as("its purges announced").isTrue();
        List<OutputWatch.Seen> ferry = watch.mentioning("orbital");
        assertThat(ferry).as("the story on every output").extracting(OutputWatch.Seen::topic)
                .contains(OUTPUT_TOPICS);
        assertThat(ferry).allSatisfy(seen -> {
            assertThat(seen.seenAt()).as("seen on %s", seen.topic()).isAfterOrEqualTo(releaseAt);
            assertThat(seen.timestamp()).as("record time on %s", seen.topic()).isAfterOrEqualTo(releaseAt);
        });
        Deserializer<ArticlePublished> events = Topics.fromConfig(config).published().valueSerde().deserializer();
        List<ArticlePublished> firstSends = watch.onTopicMentioning(PUBLISHED, "orbital").stream()
                .map(seen -> events.deserialize(PUBLISHED, seen.value()))
                .filter(event -> event.getArticleId().equals("orbital-ferry") && event.getResend() == 0)
                .toList();
        assertThat(firstSends).as("published once, never taken down").singleElement().satisfies(event -> {
            assertThat(event.getAction()).isEqualTo(Action.PUBLISH);
            assertThat(event.getRevision()).isEqualTo(1);
            assertThat(event.getOccurredAt()).isAfterOrEqualTo(releaseAt);
        });
        assertThat(desk.awaitState("orbital-ferry", "published").path("url").asText()).contains("orbital-ferry");
        assertNothingOf(site, "lunar");
        assertThat(desk.status("lunar-rover").path("state").asText()).isEqualTo("cancelled");
    }

    /** No committed record on the outputs, and no file in the site, mentions any of the words. */
    private void assertNothingOf(Path site, String... words) {
        assertThat(watch.mentioning(words)).as("records mentioning %s", List.of(words)).isEmpty();
        assertThat(OutputWatch.filesMentioning(site, words)).as("site files mentioning %s", List.of(words)).isEmpty();
    }

    /** Waits for the story's line in the site's {@code published.jsonl}; when it was first seen. */
    private static Instant awaitPublished(Path site, String articleId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (SiteLogs.lastPublished(site, articleId).isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(articleId + " not published within " + WAIT);
            }
            NewsroomDesk.pause();
        }
        return Instant.now();
    }

    private static Map<String, Object> story(String id, long revision, String headline, Instant publishedAt) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("articleId", id);
        story.put("revision", revision);
        story.put("headline", headline);
        story.put("byline", "Mara Okafor");
        story.put("category", "City");
        story.put("tags", List.of("Transport"));
        story.put("bodyMarkdown", headline + ". The council said the change was planned for months, and residents"
                + " were told in letters sent last week.\n\nMore details will follow.");
        if (publishedAt != null) {
            // A whole number is epoch milliseconds to the decoder: the exact instant, with no text to format.
            story.put("publishedAt", publishedAt.toEpochMilli());
        }
        return story;
    }

    private ServiceConfig startStack() {
        kafka = InProcessKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
        ServiceConfig config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url(),
                "GALLEY_STATE_DIR", work.resolve("state").toString(),
                "GALLEY_SITE_DIR", work.resolve("site").toString(),
                "GALLEY_SITE_SERVE", "false",
                "GALLEY_SITE_BASE_URL", "https://news.example",
                "GALLEY_INGEST_HOST", "127.0.0.1",
                "GALLEY_INGEST_PORT", Integer.toString(LoopbackPorts.free()),
                "GALLEY_TOPIC_PARTITIONS", "1"));
        Topics topics = Topics.fromConfig(config);
        TopicAdmin.ensure(config, topics.all());
        ingest = IngestApp.create(config);
        services.addAll(List.of(ingest, EnrichApp.create(config), RenderApp.create(config), SiteApp.create(config)));
        services.forEach(GalleyService::start);
        services.forEach(service -> assertThat(service.awaitHealthy(WAIT)).as(service.name() + " healthy").isTrue());
        return config;
    }

    private static String ingestUrl(ServiceConfig config) {
        return "http://127.0.0.1:" + config.get("GALLEY_INGEST_PORT", "") + "/v1/articles";
    }

    @AfterEach
    void stopStack() {
        if (watch != null) {
            watch.close();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
