package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Headline;
import org.galley.events.RelatedStory;
import org.galley.events.Tag;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Previews through {@link EnrichTopology}: enriched at their own address, and never in the story index. */
class EnrichPreviewsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final String TOKEN = "q7Vd0uXo3kZ9bY2cR5mN8wT1";
    private static final List<String> INDEX_STORES = List.of(StoryIndexProcessor.STORY_INDEX_STORE,
            StoryIndexProcessor.SLUG_CLAIMS_STORE, StoryIndexProcessor.STORIES_BY_TAG_STORE,
            StoryIndexProcessor.STORIES_BY_TIME_STORE, StoryIndexProcessor.STORY_DRAFTS_STORE,
            StoryIndexProcessor.WAITING_DRAFTS_STORE, StoryIndexProcessor.PENDING_RELINKS_STORE);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleAccepted> accepted;
    private TestOutputTopic<String, ArticleEnriched> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetter;
    private final SiteSettings site = SiteSettings.stackDigest();

    @BeforeEach
    void startDriver() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_STATE_DIR", stateDir.toString()));
        Topics topics = Topics.create(config, "mock://enrich-previews-test");
        Properties props = StreamsSettings.forService(EnrichApp.APPLICATION_ID, config, topics);
        driver = new TopologyTestDriver(EnrichTopology.build(topics, EnrichSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        accepted = driver.createInputTopic(topics.accepted().name(),
                topics.accepted().keySerde().serializer(), topics.accepted().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(),
                topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
        deadLetter = driver.createOutputTopic(topics.deadLetter().name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** Everything one accepted story caused on the enriched topic, in order. */
    private List<KeyValue<String, ArticleEnriched>> submit(ArticleSubmitted story, String previewToken) {
        accepted.pipeInput(story.getArticleId(),
                new ArticleAccepted(story, story.getSubmittedAt().plusSeconds(1), previewToken));
        return enriched.readKeyValuesToList();
    }

    private ArticleEnriched publish(ArticleSubmitted story) {
        return submit(story, null).get(0).value;
    }

    private ArticleEnriched preview(ArticleSubmitted story, String token) {
        List<KeyValue<String, ArticleEnriched>> out = submit(story, token);
        assertThat(out).as("a preview gives its own event and nothing else").singleElement()
                .satisfies(event -> assertThat(event.key).isEqualTo(story.getArticleId()));
        return out.get(0).value;
    }

    private static ArticleSubmitted sample(String file, String articleId, long revision) {
        ArticleSubmitted story = SampleStories.submission(file, articleId, revision);
        story.setPreview(true);
        return story;
    }

    private Map<String, Map<Object, Object>> indexStores() {
        Map<String, Map<Object, Object>> stores = new LinkedHashMap<>();
        for (String name : INDEX_STORES) {
            KeyValueStore<Object, Object> store = driver.getKeyValueStore(name);
            Map<Object, Object> entries = new LinkedHashMap<>();
            try (KeyValueIterator<Object, Object> all = store.all()) {
                all.forEachRemaining(entry -> entries.put(entry.key, entry.value));
            }
            stores.put(name, entries);
        }
        return stores;
    }

    private static List<String> linkedIds(List<KeyValue<String, ArticleEnriched>> events) {
        return events.stream().flatMap(event -> Stream.concat(
                event.value.getRelated().stream().map(RelatedStory::getArticleId),
                event.value.getTicker().stream().map(Headline::getArticleId))).toList();
    }

    @Test
    void aPreviewIsEnrichedWithItsTokenAtItsPreviewAddressWithNoLinks() {
        publish(SampleStories.submission(SampleStories.CLAUDE, "claude-at-work", 1));

        ArticleEnriched preview = preview(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1), TOKEN);

        assertThat(preview.getPreviewToken()).isEqualTo(TOKEN);
        assertThat(preview.getPath()).isEqualTo("/preview/" + TOKEN + "/");
        assertThat(preview.getUrl()).isEqualTo(site.urlOf("/preview/" + TOKEN + "/"));
        assertThat(preview.getSlug()).isEqualTo("microsoft-and-openai-are-not-breaking-up-but-they-are-no-longer-one-company-in");
        assertThat(preview.getWordCount()).isEqualTo(1038);
        assertThat(preview.getReadingTimeMinutes()).isEqualTo(5);
        assertThat(preview.getTags()).extracting(Tag::getName).contains("AI", "Microsoft", "OpenAI");
        assertThat(preview.getExcerpt()).startsWith("The biggest AI alliance of the decade has just been rewritten.");
        // The live story would be related and in its ticker (see EnrichTopologyTest); a preview shows neither.
        assertThat(preview.getRelated()).isEmpty();
        assertThat(preview.getTicker()).isEmpty();
        assertThat(preview.getFirstPublishedAt()).isEqualTo(Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(preview.getResend()).isZero();
        assertThat(preview.getEnrichedAt()).isEqualTo(NOW);
    }

    @Test
    void aPreviewWithoutAPublicationDateIsDatedWhenAccepted() {
        ArticleSubmitted story = sample(SampleStories.KAFKA, "streams", 1);
        story.setPublishedAt(null);

        assertThat(preview(story, TOKEN).getFirstPublishedAt()).isEqualTo(story.getSubmittedAt().plusSeconds(1));
    }

    @Test
    void aPreviewClaimsNoSlugSoALaterStoryWithTheSameHeadlineGetsThePlainOne() {
        ArticleEnriched previewed = preview(sample(SampleStories.KAFKA, "streams-draft", 1), TOKEN);

        ArticleEnriched live = publish(SampleStories.submission(SampleStories.KAFKA, "streams-live", 1));

        assertThat(live.getSlug()).isEqualTo(previewed.getSlug())
                .isEqualTo("why-newsrooms-are-rebuilding-their-publishing-pipelines-around-event-streams");
        assertThat(live.getPath()).endsWith("/" + live.getSlug() + "/").doesNotStartWith("/preview/");
    }

    @Test
    void aPreviewAppearsInNoOtherStorysLinksAndCausesNoResend() {
        publish(SampleStories.submission(SampleStories.CLAUDE, "claude-at-work", 1));
        // Sharing tags with the Claude story and published after it, it would be related to it and in its ticker.
        preview(sample(SampleStories.MICROSOFT_OPENAI, "msft-draft", 1), TOKEN);

        List<KeyValue<String, ArticleEnriched>> kafka = submit(SampleStories.submission(SampleStories.KAFKA,
                "newsroom-streams", 1), null);
        List<KeyValue<String, ArticleEnriched>> microsoft = submit(SampleStories.submission(
                SampleStories.MICROSOFT_OPENAI, "msft-openai", 1), null);

        assertThat(kafka).extracting(event -> event.key).containsExactly("newsroom-streams", "claude-at-work");
        assertThat(microsoft).extracting(event -> event.key).containsExactly("msft-openai");
        assertThat(linkedIds(kafka)).isNotEmpty().doesNotContain("msft-draft");
        assertThat(linkedIds(microsoft)).contains("claude-at-work").doesNotContain("msft-draft");
    }

    @Test
    void aPreviewLeavesEveryIndexStoreAsItWas() {
        assertThat(INDEX_STORES).allSatisfy(name -> assertThat(driver.getAllStateStores()).containsKey(name));
        preview(sample(SampleStories.KAFKA, "streams-draft", 1), TOKEN);
        assertThat(indexStores()).allSatisfy((name, entries) -> assertThat(entries).as(name).isEmpty());

        publish(SampleStories.submission(SampleStories.CLAUDE, "claude-at-work", 1));
        Map<String, Map<Object, Object>> before = indexStores();
        preview(sample(SampleStories.MICROSOFT_OPENAI, "msft-draft", 1), TOKEN);
        // A preview of a live story, with a new headline, changes nothing of it either.
        ArticleSubmitted claudeDraft = sample(SampleStories.CLAUDE, "claude-at-work", 2);
        claudeDraft.setHeadline("Claude Clocks In");
        preview(claudeDraft, "another-preview-token-0123");

        assertThat(indexStores()).isEqualTo(before);
        assertThat(before.get(StoryIndexProcessor.SLUG_CLAIMS_STORE)).hasSize(1);
    }

    @Test
    void aPreviewWithAnUnusableTokenGoesToTheDeadLetterTopicAndNowhereElse() {
        accepted.pipeInput("streams-draft", new ArticleAccepted(sample(SampleStories.KAFKA, "streams-draft", 1),
                NOW, "short/../x"));

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetter.readRecordsToList()).hasSize(1);
        assertThat(indexStores()).allSatisfy((name, entries) -> assertThat(entries).as(name).isEmpty());
    }
}
