package org.galley.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.CacheInvalidation;
import org.galley.render.page.JtePageRenderer;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.trace.EventHeaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Previews through {@link RenderTopology}: written to the previews topic and nowhere else, touching no state. */
class RenderPreviewsTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    private static final String TOKEN = "q7Vd0uXo3kZ9bY2cR5mN8wT1";
    private static final String PREVIEW_PATH = "/preview/" + TOKEN + "/";
    private static final String MOVED = "/business/microsoft-and-openai-are-not-breaking-up/";

    @TempDir
    Path stateDir;

    /** Everything render wrote for a run of enriched events, topic by topic, and its path store at the end. */
    private record Run(List<KeyValue<String, ArticlePublished>> published, List<KeyValue<String, String>> pages,
                       List<TestRecord<String, String>> previews, List<KeyValue<String, CacheInvalidation>> invalidations,
                       List<KeyValue<byte[], byte[]>> deadLetters, Map<String, String> paths) {

        List<String> previewPaths() {
            return previews.stream().map(TestRecord::key).toList();
        }
    }

    private Run render(String name, ArticleEnriched... stories) {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_STATE_DIR", stateDir.resolve(name).toString()));
        Topics topics = Topics.create(config, "mock://render-previews-" + name);
        Properties properties = StreamsSettings.forService(RenderApp.APPLICATION_ID, config, topics);
        try (TopologyTestDriver driver = new TopologyTestDriver(RenderTopology.build(topics,
                new JtePageRenderer(StoryFixtures.SITE), Clock.fixed(NOW, ZoneOffset.UTC)), properties)) {
            TestInputTopic<String, ArticleEnriched> enriched = driver.createInputTopic(topics.enriched().name(),
                    topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());
            for (ArticleEnriched story : stories) {
                enriched.pipeInput(story.getSubmission().getArticleId(), story);
            }
            TestOutputTopic<String, ArticlePublished> published = driver.createOutputTopic(topics.published().name(),
                    topics.published().keySerde().deserializer(), topics.published().valueSerde().deserializer());
            TestOutputTopic<String, String> pages = driver.createOutputTopic(topics.pages().name(),
                    topics.pages().keySerde().deserializer(), topics.pages().valueSerde().deserializer());
            TestOutputTopic<String, String> previews = driver.createOutputTopic(topics.previews().name(),
                    topics.previews().keySerde().deserializer(), topics.previews().valueSerde().deserializer());
            TestOutputTopic<String, CacheInvalidation> invalidations = driver.createOutputTopic(
                    topics.cacheInvalidations().name(), topics.cacheInvalidations().keySerde().deserializer(),
                    topics.cacheInvalidations().valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> deadLetter = driver.createOutputTopic(topics.deadLetter().name(),
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
            Map<String, String> paths = new LinkedHashMap<>();
            KeyValueStore<String, String> store = driver.getKeyValueStore(RenderTopology.PATH_STORE);
            try (KeyValueIterator<String, String> all = store.all()) {
                all.forEachRemaining(entry -> paths.put(entry.key, entry.value));
            }
            return new Run(published.readKeyValuesToList(), pages.readKeyValuesToList(), previews.readRecordsToList(),
                    invalidations.readKeyValuesToList(), deadLetter.readKeyValuesToList(), paths);
        }
    }

    private static ArticleEnriched preview(ArticleEnriched story) {
        return StoryFixtures.preview(story, TOKEN);
    }

    /** The published events without their time, which differs only by the clock. */
    private static List<String> described(List<KeyValue<String, ArticlePublished>> events) {
        List<String> described = new ArrayList<>();
        for (KeyValue<String, ArticlePublished> event : events) {
            described.add(event.key + " " + event.value.getAction() + " r" + event.value.getRevision() + " s"
                    + event.value.getResend() + " " + event.value.getPath() + " "
                    + (event.value.getPage() == null ? "-" : event.value.getPage().getContentHash()));
        }
        return described;
    }

    @Test
    void aPreviewIsWrittenOnlyToThePreviewsTopicUnderItsPathAsItsPage() {
        Run run = render("only", preview(StoryFixtures.microsoftOpenAi()));

        assertThat(run.previewPaths()).containsExactly(PREVIEW_PATH);
        Document page = Jsoup.parse(run.previews().get(0).value());
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(page.select(".preview-banner").text()).isEqualTo("Preview — not published");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(StoryFixtures.SITE.urlOf(PREVIEW_PATH));
        assertThat(page.select("h1").text()).startsWith("Microsoft and OpenAI Are Not Breaking Up");
        assertThat(EventHeaders.eventType(run.previews().get(0).headers())).contains(RenderTopology.PAGE_EVENT_TYPE);
        assertThat(run.published()).isEmpty();
        assertThat(run.pages()).isEmpty();
        assertThat(run.invalidations()).isEmpty();
        assertThat(run.deadLetters()).isEmpty();
        assertThat(run.paths()).isEmpty();
    }

    @Test
    void aPreviewOfALiveStoryLeavesTheLivePageItsEventsAndStoresUnchanged() {
        ArticleEnriched live = StoryFixtures.microsoftOpenAi();
        ArticleEnriched revised = StoryFixtures.withSubmission(live, s -> s.setRevision(2).setHeadline("A New Headline"));
        ArticleEnriched moved = StoryFixtures.copy(revised).setPath(MOVED).setUrl(StoryFixtures.SITE.urlOf(MOVED)).build();

        Run withPreview = render("with", live, preview(revised), moved);
        Run without = render("without", live, moved);

        assertThat(withPreview.previewPaths()).containsExactly(PREVIEW_PATH);
        assertThat(without.previews()).isEmpty();
        assertThat(described(withPreview.published())).isEqualTo(described(without.published())).containsExactly(
                StoryFixtures.MICROSOFT_ID + " PUBLISH r1 s0 " + StoryFixtures.MICROSOFT_PATH + " "
                        + without.published().get(0).value.getPage().getContentHash(),
                StoryFixtures.MICROSOFT_ID + " PUBLISH r2 s0 " + MOVED + " "
                        + without.published().get(1).value.getPage().getContentHash());
        // The move removes the live page's old path, not the preview's: the path store never saw the preview.
        assertThat(withPreview.pages()).isEqualTo(without.pages())
                .extracting(write -> write.key + (write.value == null ? " removed" : " put"))
                .containsExactly(StoryFixtures.MICROSOFT_PATH + " put", MOVED + " put",
                        StoryFixtures.MICROSOFT_PATH + " removed");
        assertThat(withPreview.paths()).isEqualTo(without.paths()).containsExactly(Map.entry(StoryFixtures.MICROSOFT_ID, MOVED));
        assertThat(withPreview.invalidations()).isEmpty();
    }

    @Test
    void aPreviewBetweenALiveStoryAndItsTakedownLeavesTheTakedownAsItWas() {
        ArticleEnriched live = StoryFixtures.microsoftOpenAi();

        Run withPreview = render("with", live, preview(live), StoryFixtures.unpublishing(live));
        Run without = render("without", live, StoryFixtures.unpublishing(live));

        assertThat(described(withPreview.published())).isEqualTo(described(without.published()));
        assertThat(withPreview.published().get(1).value.getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(withPreview.pages()).isEqualTo(without.pages());
        assertThat(withPreview.paths()).isEmpty();
    }

    @Test
    void aPreviewThatIsATakedownOrNotAtItsTokensPathGoesToTheDeadLetterTopicAndNowhereElse() {
        ArticleEnriched live = StoryFixtures.microsoftOpenAi();
        ArticleEnriched takedown = StoryFixtures.copy(StoryFixtures.unpublishing(live)).setPreviewToken(TOKEN)
                .setPath(PREVIEW_PATH).build();
        ArticleEnriched atTheLivePath = StoryFixtures.copy(preview(live)).setPath(live.getPath()).build();
        ArticleEnriched guessable = StoryFixtures.preview(live, "1");

        Run run = render("bad", takedown, atTheLivePath, guessable);

        assertThat(run.deadLetters()).hasSize(3);
        assertThat(run.previews()).isEmpty();
        assertThat(run.published()).isEmpty();
        assertThat(run.pages()).isEmpty();
        assertThat(run.paths()).isEmpty();
    }
}
