package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.RejectionReason;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting the folder and replaying the same events rebuilds the same site, byte for byte. */
class SiteReplayTest {

    private static final List<SpecificRecord> EVENTS = List.of(
            story("partnership").path("/ai/microsoft-and-openai/").headline("Microsoft and OpenAI")
                    .tags("OpenAI:openai", "Microsoft:microsoft").hero("/media/ai-partnership.svg", "Two laptops")
                    .publishedAt("2026-04-21T09:00:00Z").published(),
            story("claude").path("/ai/claude-goes-to-work/").headline("Claude Goes to Work").tags("Anthropic:anthropic")
                    .publishedAt("2026-04-20T08:00:00Z").published(),
            ArticleRejected.newBuilder().setArticleId("bad").setRevision(1L).setSource("cli")
                    .setRejectedAt(Instant.parse("2026-04-21T10:00:00Z"))
                    .setReasons(List.of(new RejectionReason("headline", "required", "A story needs a headline."))).build(),
            story("kafka").path("/engineering/kafka-streams/").category("Engineering").headline("Kafka Streams")
                    .tags("Kafka:kafka", "OpenAI:openai").publishedAt("2026-04-19T07:00:00Z").published(),
            story("claude").revision(2).path("/work/claude-goes-to-work/").category("Work").headline("Claude Goes to Work, corrected")
                    .tags("Anthropic:anthropic", "AI agents:ai-agents").publishedAt("2026-04-20T08:00:00Z")
                    .updatedAt("2026-04-21T11:00:00Z").published(),
            story("partnership").revision(2).path("/ai/microsoft-and-openai/").unpublished("2026-04-21T12:00:00Z"),
            story("tokyo").path("/ai/tokyo-robots/").headline("東京で AI ロボット展示会").language("ja")
                    .tags("Robots:robots").publishedAt("2026-04-21T13:00:00Z").published());

    @TempDir
    Path root;

    @Test
    void replayingTheSameEventsIntoAnEmptyFolderWritesTheSameFilesWhateverTheBatches() {
        Path out = root.resolve("site");
        build(out, 2);
        Map<String, String> first = snapshot(out);
        assertThat(first).containsKeys("index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml",
                "work/index.html", "work/claude-goes-to-work/index.html", "tags/openai/feed.xml", "tags/robots/atom.xml",
                "published.jsonl", "rejected.jsonl");
        assertThat(first).doesNotContainKeys("ai/microsoft-and-openai/index.html", "tags/microsoft/index.html");

        delete(out);
        build(out, 1);
        Map<String, String> perEvent = snapshot(out);
        delete(out);
        build(out, EVENTS.size());
        Map<String, String> oneBatch = snapshot(out);

        assertThat(perEvent).containsExactlyEntriesOf(first);
        assertThat(oneBatch).containsExactlyEntriesOf(first);
    }

    private static void build(Path out, int batch) {
        SiteBuilder site = new SiteBuilder(new SiteFolder(out), SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        site.reset();
        site.flush();
        for (int i = 0; i < EVENTS.size(); i++) {
            if (EVENTS.get(i) instanceof ArticlePublished published) {
                site.apply(published);
            } else {
                site.apply((ArticleRejected) EVENTS.get(i));
            }
            if ((i + 1) % batch == 0) {
                site.flush();
            }
        }
        site.flush();
    }

    private static Map<String, String> snapshot(Path out) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(file).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void delete(Path out) {
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
