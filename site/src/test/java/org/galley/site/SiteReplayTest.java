package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.RejectionReason;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting the folder and replaying the same events rebuilds the same site, byte for byte, however they fall
 * into flushes and in whatever order the stories' events interleave (each story's own events keep their order,
 * as one partition keeps them). Small pages and sitemap parts, so pagination and the sitemap index are covered.
 */
class SiteReplayTest {

    private static final int PAGE_SIZE = 2;
    private static final int SITEMAP_LIMIT = 3;

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
                    .tags("Robots:robots").publishedAt("2026-04-21T13:00:00Z").published(),
            reEnriched(story("kafka").path("/engineering/kafka-streams/").category("Engineering").headline("Kafka Streams")
                    .tags("Kafka:kafka", "OpenAI:openai").publishedAt("2026-04-19T07:00:00Z").published()),
            story("robots").path("/ai/robots-at-work/").headline("Robots at work").tags("Robots:robots", "OpenAI:openai")
                    .publishedAt("2026-04-18T07:00:00Z").published(),
            story("chips").path("/ai/chips/").headline("Chips").tags("Chips:chips")
                    .publishedAt("2026-04-17T07:00:00Z").published(),
            story("chips").revision(2).path("/ai/chips/").headline("Chips, corrected").tags("Robots:robots")
                    .publishedAt("2026-04-17T07:00:00Z").updatedAt("2026-04-21T14:00:00Z").published(),
            story("robots").revision(2).path("/ai/robots-at-work/").headline("Robots at work").tags("Robots:robots")
                    .publishedAt("2026-04-18T07:00:00Z").updatedAt("2026-04-21T10:30:00Z").published());

    @TempDir
    Path root;

    @Test
    void replayingTheSameEventsIntoAnEmptyFolderWritesTheSameFilesWhateverTheBatches() {
        Path out = root.resolve("site");
        build(out, EVENTS, 2);
        Map<String, String> first = snapshot(out);
        assertThat(first).containsKeys("index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml",
                "work/index.html", "work/claude-goes-to-work/index.html", "tags/openai/feed.xml", "tags/robots/atom.xml",
                "page/1/index.html", "page/2/index.html", "tags/robots/page/1/index.html", "sitemap-1.xml", "sitemap-2.xml",
                "published.jsonl", "rejected.jsonl");
        assertThat(first).doesNotContainKeys("ai/microsoft-and-openai/index.html", "tags/microsoft/index.html",
                "tags/chips/index.html");

        delete(out);
        build(out, EVENTS, 1);
        Map<String, String> perEvent = snapshot(out);
        delete(out);
        build(out, EVENTS, EVENTS.size());
        Map<String, String> oneBatch = snapshot(out);

        assertThat(perEvent).containsExactlyEntriesOf(first);
        assertThat(oneBatch).containsExactlyEntriesOf(first);
    }

    @Test
    void theStoriesEventsInAnotherOrderWriteTheSameFilesApartFromTheArrivalOrderedLogs() {
        Path out = root.resolve("site");
        build(out, EVENTS, 2);
        Map<String, String> first = withoutLogs(snapshot(out));

        for (List<SpecificRecord> order : List.of(storyByStoryLastFirst(EVENTS), interleaved(EVENTS, new Random(42)),
                interleaved(EVENTS, new Random(7)))) {
            assertThat(order).as("another order").isNotEqualTo(EVENTS).containsExactlyInAnyOrderElementsOf(EVENTS);
            for (int batch : new int[] {1, 3}) {
                delete(out);
                build(out, order, batch);
                assertThat(withoutLogs(snapshot(out))).containsExactlyEntriesOf(first);
            }
        }
    }

    @Test
    void aSiteWrittenFlushByFlushThroughNewOldCorrectedAndRemovedStoriesMatchesOneWrittenInOneGo() {
        List<SpecificRecord> events = archiveWork(new Random(2026), 80);
        Path incremental = root.resolve("incremental");
        Path fresh = root.resolve("fresh");
        SiteBuilder site = newSite(incremental);

        for (int i = 0; i < events.size(); i++) {
            site.apply((ArticlePublished) events.get(i));
            if (i % 3 == 2 || i == events.size() - 1) {
                site.flush();
                if (i % 15 == 14 || i == events.size() - 1) {
                    build(fresh, events.subList(0, i + 1), i + 1);
                    assertThat(withoutLogs(snapshot(incremental))).as("after %d events", i + 1)
                            .containsExactlyEntriesOf(withoutLogs(snapshot(fresh)));
                    delete(fresh);
                }
            }
        }
        assertThat(withoutLogs(snapshot(incremental))).containsKeys("page/1/index.html", "page/9/index.html");
    }

    /**
     * What an archive's life brings: mostly new stories, and old ones imported late, corrected in place, moved
     * to other tags and taken down; in sections ai and tech with tags a, b and c.
     */
    private static List<SpecificRecord> archiveWork(Random random, int count) {
        List<SpecificRecord> events = new ArrayList<>();
        Map<String, Integer> live = new LinkedHashMap<>();
        Map<String, Long> revisions = new LinkedHashMap<>();
        int newest = 0;
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            List<String> ids = new ArrayList<>(live.keySet());
            if (kind < 5 || ids.isEmpty()) {
                newest += 1 + random.nextInt(3);
                String id = "n" + i;
                live.put(id, newest);
                events.add(archived(id, 1, newest, random.nextInt(3)));
            } else if (kind < 7) {
                String id = "old" + i;
                int hour = random.nextInt(newest + 1);
                live.put(id, hour);
                events.add(archived(id, 1, hour, random.nextInt(3)));
            } else {
                String id = ids.get(random.nextInt(ids.size()));
                long revision = revisions.merge(id, 2L, (was, one) -> was + 1);
                if (kind < 9) {
                    events.add(archived(id, revision, live.get(id), random.nextInt(3)));
                } else {
                    live.remove(id);
                    events.add(story(id).revision(revision).path(pathOf(id)).unpublished("2026-04-22T00:00:00Z"));
                }
            }
        }
        return events;
    }

    private static ArticlePublished archived(String id, long revision, int hour, int tag) {
        String name = List.of("A", "B", "C").get(tag);
        return story(id).revision(revision).path(pathOf(id)).category(id.hashCode() % 2 == 0 ? "AI" : "Tech")
                .headline("Story " + id + " revision " + revision).tags(name + ":" + name.toLowerCase())
                .publishedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3_600L * hour).toString()).published();
    }

    private static String pathOf(String id) {
        return (id.hashCode() % 2 == 0 ? "/ai/" : "/tech/") + id + "/";
    }

    private static SiteBuilder newSite(Path out) {
        SiteBuilder site = new SiteBuilder(new SiteFolder(out), SiteSettings.stackDigest(), SiteBuilderTest.CLOCK,
                PAGE_SIZE, SITEMAP_LIMIT);
        site.reset();
        site.flush();
        return site;
    }

    private static void build(Path out, List<SpecificRecord> events, int batch) {
        SiteBuilder site = newSite(out);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ArticlePublished published) {
                site.apply(published);
            } else {
                site.apply((ArticleRejected) events.get(i));
            }
            if ((i + 1) % batch == 0) {
                site.flush();
            }
        }
        site.flush();
    }

    /** Each story's events together, the last story to appear first. */
    private static List<SpecificRecord> storyByStoryLastFirst(List<SpecificRecord> events) {
        List<List<SpecificRecord>> stories = new ArrayList<>(byStory(events).values());
        Collections.reverse(stories);
        return stories.stream().flatMap(List::stream).toList();
    }

    /** The stories' events interleaved at random, each story's own in their order. */
    private static List<SpecificRecord> interleaved(List<SpecificRecord> events, Random random) {
        List<Deque<SpecificRecord>> stories = byStory(events).values().stream()
                .map(story -> (Deque<SpecificRecord>) new ArrayDeque<>(story)).collect(Collectors.toCollection(ArrayList::new));
        List<SpecificRecord> order = new ArrayList<>();
        while (!stories.isEmpty()) {
            Deque<SpecificRecord> story = stories.get(random.nextInt(stories.size()));
            order.add(story.removeFirst());
            if (story.isEmpty()) {
                stories.remove(story);
            }
        }
        return order;
    }

    private static Map<String, List<SpecificRecord>> byStory(List<SpecificRecord> events) {
        Map<String, List<SpecificRecord>> stories = new LinkedHashMap<>();
        for (SpecificRecord event : events) {
            String articleId = event instanceof ArticlePublished published ? published.getArticleId()
                    : ((ArticleRejected) event).getArticleId();
            stories.computeIfAbsent(articleId, id -> new ArrayList<>()).add(event);
        }
        return stories;
    }

    /** The same story published again with the same revision, only its page changed (its related links). */
    private static ArticlePublished reEnriched(ArticlePublished event) {
        event.getPage().setHtml(event.getPage().getHtml().replace("</h1>", "</h1><aside>Related: Robots at work</aside>"));
        return event;
    }

    private static Map<String, String> withoutLogs(Map<String, String> files) {
        Map<String, String> kept = new TreeMap<>(files);
        kept.keySet().removeAll(List.of(SiteBuilder.PUBLISHED_LOG, SiteBuilder.REJECTED_LOG));
        return kept;
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
