package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.galley.enrich.related.Link;
import org.galley.enrich.related.Position;
import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.story.InMemoryStoryIndex;
import org.galley.enrich.story.StoryIndex;
import org.galley.enrich.story.StoryIndexContract;
import org.galley.enrich.story.StoryIndexer;
import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.VocabularyFile;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state-store index, on the RocksDB stores a TopologyTestDriver gives the index processor. */
class KeyValueStoryIndexTest extends StoryIndexContract {

    private final Serde<StorySummary> serde = KeyValueStoryIndex.summarySerde();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private KeyValueStoryIndex index;

    @BeforeEach
    void openStores() {
        Topics topics = Topics.create(new ServiceConfig(Map.of()), "mock://story-index-test");
        Topology topology = new Topology();
        topology.addSource("drafts", new StringDeserializer(), topics.enriched().valueSerde().deserializer(), "drafts");
        topology.addProcessor("index", StoryIndexProcessor.supplier(
                new StoryIndexer(SiteSettings.stackDigest(), RelatedSettings.DEFAULTS, VocabularyFile.bundled()),
                IndexPacing.IMMEDIATE, InputEnds.UNKNOWN, topics.enriched().valueSerde()), "drafts");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-index-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props);
        index = new KeyValueStoryIndex(driver.getKeyValueStore(StoryIndexProcessor.STORY_INDEX_STORE),
                driver.getKeyValueStore(StoryIndexProcessor.SLUG_CLAIMS_STORE),
                driver.getKeyValueStore(StoryIndexProcessor.STORIES_BY_TAG_STORE),
                driver.getKeyValueStore(StoryIndexProcessor.STORIES_BY_TIME_STORE),
                driver.getKeyValueStore(StoryIndexProcessor.STORY_DRAFTS_STORE));
    }

    @AfterEach
    void closeStores() {
        driver.close();
    }

    @Override
    protected StoryIndex index() {
        return index;
    }

    @Test
    void aSummaryComesBackAsItWasStored() {
        StorySummary summary = new StorySummary("claude", "Claude Goes to Work", "claude-goes-to-work",
                "/ai/claude-goes-to-work/", List.of(StoryTag.named("AI"), StoryTag.named("Claude")),
                Instant.parse("2026-04-21T00:00:00Z"), true,
                List.of(new Link("kestrel", "Kestrel 3.0", "Kestrel")), List.of(new Link("claude", "Claude", "")), 3);

        byte[] stored = serde.serializer().serialize("story-index", summary);

        assertThat(serde.deserializer().deserialize("story-index", stored)).isEqualTo(summary);
    }

    @Test
    void aSummaryWrittenByALaterVersionStillReads() {
        String later = """
                {"articleId":"a","headline":"H","slug":"h","path":"/ai/h/","tags":[{"name":"AI","slug":"ai"}],
                 "firstPublishedAt":"2026-04-21T00:00:00Z","published":false,"newField":42}""";

        StorySummary summary = serde.deserializer().deserialize("story-index", later.getBytes(StandardCharsets.UTF_8));

        assertThat(summary.published()).isFalse();
        assertThat(summary.tags()).containsExactly(new StoryTag("AI", "ai"));
        assertThat(summary.related()).isEmpty();
        assertThat(summary.ticker()).isEmpty();
    }

    @Test
    void aSummaryWrittenBeforeResendsWereCountedReadsAsItsRevisionsOwnSend() {
        String older = """
                {"articleId":"a","headline":"H","slug":"h","path":"/ai/h/","tags":[{"name":"AI","slug":"ai"}],
                 "firstPublishedAt":"2026-04-21T00:00:00Z","published":true,
                 "related":[{"articleId":"b","headline":"B","label":"AI"}],"ticker":[]}""";

        StorySummary summary = serde.deserializer().deserialize("story-index", older.getBytes(StandardCharsets.UTF_8));

        assertThat(summary.resend()).isZero();
        assertThat(summary.resent(List.of(), List.of()).resend()).isEqualTo(1);
        assertThat(summary.related()).containsExactly(new Link("b", "B", "AI"));
    }

    @Test
    void nothingStoredIsNothingRead() {
        assertThat(serde.serializer().serialize("story-index", null)).isNull();
        assertThat(serde.deserializer().deserialize("story-index", null)).isNull();
    }

    @Test
    void everyRangeQueryIsAnsweredAsTheInMemoryIndexAnswersIt() {
        InMemoryStoryIndex expected = new InMemoryStoryIndex();
        Random random = new Random(2026);
        String[] tags = {"A", "AI", "AI Safety", "Rust", "Go", "人工知能"};
        Map<String, StorySummary> listed = new HashMap<>();
        List<Position> probes = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            String id = random.nextInt(5) == 0 ? "\uD83D\uDE00-" + random.nextInt(10) : "s" + random.nextInt(60);
            StorySummary previous = listed.remove(id);
            if (previous != null) {
                index.unlist(previous);
                expected.unlist(previous);
            }
            if (previous == null || random.nextBoolean()) {
                // Few distinct days, so many stories share a moment and are ordered by id.
                Instant at = day(random.nextInt(20) - 10).plusNanos(random.nextInt(3));
                List<String> chosen = new ArrayList<>();
                for (String tag : tags) {
                    if (random.nextInt(3) == 0) {
                        chosen.add(tag);
                    }
                }
                StorySummary story = story(id, previous != null ? previous.firstPublishedAt() : at,
                        chosen.toArray(String[]::new));
                index.list(story);
                expected.list(story);
                listed.put(id, story);
                probes.add(story.position());
            }
            probes.add(new Position(day(random.nextInt(22) - 11), "probe"));
        }

        for (Position probe : probes) {
            int limit = 1 + random.nextInt(8);
            assertThat(index.earlier(probe, limit)).isEqualTo(expected.earlier(probe, limit));
            assertThat(index.later(probe, limit)).isEqualTo(expected.later(probe, limit));
            for (String tag : tags) {
                String slug = StoryTag.named(tag).slug();
                assertThat(index.earlierInTag(slug, probe, limit)).isEqualTo(expected.earlierInTag(slug, probe, limit));
                assertThat(index.laterInTag(slug, probe, limit)).isEqualTo(expected.laterInTag(slug, probe, limit));
            }
        }
        assertThat(listed).isNotEmpty();
    }
}
