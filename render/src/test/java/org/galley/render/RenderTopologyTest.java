package org.galley.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.Headline;
import org.galley.render.page.JtePageRenderer;
import org.galley.render.page.PageRenderer;
import org.galley.render.publish.Publications;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.TraceParent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTopologyTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    private static final String BROKEN_ID = "cannot-render";

    @TempDir
    Path stateDir;

    private Topics topics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleEnriched> enriched;
    private TestOutputTopic<String, ArticlePublished> published;
    private TestOutputTopic<String, String> pages;
    private TestOutputTopic<byte[], byte[]> deadLetter;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startRender() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_STATE_DIR", stateDir.toString()));
        topics = Topics.create(config, "mock://render-test");
        PageRenderer real = new JtePageRenderer(StoryFixtures.SITE);
        PageRenderer failsOnOneStory = (article, ticker) -> {
            if (article.getSubmission().getArticleId().equals(BROKEN_ID)) {
                throw new IllegalArgumentException("hero image of article " + BROKEN_ID + " is unusable");
            }
            return real.render(article, ticker);
        };
        GalleyMetrics metrics = GalleyMetrics.in(meters);
        Properties properties = StreamsSettings.forService(RenderApp.APPLICATION_ID, config, topics);
        properties.put(GalleyMetrics.CONFIG, metrics);
        driver = new TopologyTestDriver(
                RenderTopology.build(topics, failsOnOneStory, Clock.fixed(NOW, ZoneOffset.UTC), metrics), properties);
        enriched = driver.createInputTopic(topics.enriched().name(),
                topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());
        published = driver.createOutputTopic(topics.published().name(),
                topics.published().keySerde().deserializer(), topics.published().valueSerde().deserializer());
        pages = driver.createOutputTopic(topics.pages().name(),
                topics.pages().keySerde().deserializer(), topics.pages().valueSerde().deserializer());
        deadLetter = driver.createOutputTopic(topics.deadLetter().name(),
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stopRender() {
        driver.close();
    }

    private void send(ArticleEnriched article) {
        enriched.pipeInput(article.getSubmission().getArticleId(), article);
    }

    @Test
    void thePublishedEventAndItsPageGoOnInTheEnrichedEventsTraceWithOneNewSpanAndTheirTypes() {
        TraceParent incoming = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.putTrace(headers, incoming);
        EventHeaders.putEventType(headers, "ArticleEnriched");

        enriched.pipeInput(new TestRecord<>(StoryFixtures.MICROSOFT_ID, StoryFixtures.microsoftOpenAi(), headers));

        TestRecord<String, ArticlePublished> event = published.readRecord();
        TestRecord<String, String> page = pages.readRecord();
        TraceParent written = EventHeaders.trace(event.headers()).orElseThrow();
        assertThat(written.traceId()).isEqualTo(incoming.traceId());
        assertThat(written.spanId()).isNotEqualTo(incoming.spanId());
        assertThat(EventHeaders.trace(page.headers())).contains(written);
        assertThat(EventHeaders.eventType(event.headers())).contains("ArticlePublished");
        assertThat(EventHeaders.eventType(page.headers())).contains(RenderTopology.PAGE_EVENT_TYPE);
    }

    @Test
    void publishedStoryBecomesItsPageWithTheHashOfItsHtml() {
        send(StoryFixtures.microsoftOpenAi());

        var record = published.readKeyValue();
        ArticlePublished event = record.value;
        assertThat(record.key).isEqualTo(StoryFixtures.MICROSOFT_ID);
        assertThat(event.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(event.getPath()).isEqualTo(StoryFixtures.MICROSOFT_PATH);
        assertThat(event.getOccurredAt()).isEqualTo(NOW);
        String html = event.getPage().getHtml();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).startsWith("Microsoft and OpenAI Are Not Breaking Up");
        assertThat(event.getPage().getContentHash()).isEqualTo(Publications.contentHash(html)).hasSize(64);
        assertThat(event.getPage().getUpdatedAt()).isEqualTo(StoryFixtures.SUBMITTED_AT);
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void eachRevisionPublishedOrTakenDownIsCountedOnceWithItsLatencyFromSubmission() {
        ArticleEnriched microsoft = StoryFixtures.microsoftOpenAi();
        send(microsoft);
        send(StoryFixtures.copy(microsoft).setResend(1).build());
        send(StoryFixtures.unpublishing(StoryFixtures.claudeGoesToWork()));

        assertThat(published.readValuesToList()).hasSize(3);
        assertThat(meters.get(GalleyMetrics.PUBLISHED).counter().count()).isEqualTo(1);
        assertThat(meters.get(GalleyMetrics.UNPUBLISHED).counter().count()).isEqualTo(1);
        var latency = meters.get(GalleyMetrics.END_TO_END).timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(java.time.Duration.between(StoryFixtures.SUBMITTED_AT, NOW).toSeconds());
        assertThat(meters.get(GalleyMetrics.PROCESSING).tags("stage", "render", "step", "render").timer().count())
                .isEqualTo(2);
    }

    @Test
    void takenDownStoryPublishesNoPageButThePathToRemove() {
        send(StoryFixtures.unpublishing(StoryFixtures.microsoftOpenAi()));

        var record = published.readKeyValue();
        assertThat(record.key).isEqualTo(StoryFixtures.MICROSOFT_ID);
        assertThat(record.value.getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(record.value.getPage()).isNull();
        assertThat(record.value.getPath()).isEqualTo(StoryFixtures.MICROSOFT_PATH);
        assertThat(record.value.getUrl()).isEqualTo(StoryFixtures.SITE.urlOf(StoryFixtures.MICROSOFT_PATH));
    }

    @Test
    void pageShowsTheTickerEnrichChoseNewestFirst() {
        ArticleEnriched claude = StoryFixtures.claudeGoesToWork();
        ArticleEnriched microsoft = StoryFixtures.microsoftOpenAi();
        send(withTicker(microsoft, microsoft, claude));

        assertThat(tickerOf(published.readValue()))
                .containsExactly(StoryFixtures.MICROSOFT_PATH, StoryFixtures.CLAUDE_PATH);
    }

    @Test
    void storyEnrichedWithoutATickerShowsItselfAlone() {
        send(StoryFixtures.claudeGoesToWork());
        send(StoryFixtures.microsoftOpenAi());

        List<ArticlePublished> events = published.readValuesToList();
        assertThat(tickerOf(events.get(0))).containsExactly(StoryFixtures.CLAUDE_PATH);
        assertThat(tickerOf(events.get(1))).containsExactly(StoryFixtures.MICROSOFT_PATH);
    }

    @Test
    void storyReenrichedWithANewTickerIsRenderedAgainWithIt() {
        ArticleEnriched claude = StoryFixtures.claudeGoesToWork();
        ArticleEnriched microsoft = StoryFixtures.microsoftOpenAi();
        send(withTicker(microsoft, microsoft));
        send(withTicker(microsoft, microsoft, claude));

        List<ArticlePublished> events = published.readValuesToList();
        assertThat(tickerOf(events.get(0))).containsExactly(StoryFixtures.MICROSOFT_PATH);
        assertThat(tickerOf(events.get(1))).containsExactly(StoryFixtures.MICROSOFT_PATH, StoryFixtures.CLAUDE_PATH);
        assertThat(events.get(1).getRevision()).isEqualTo(events.get(0).getRevision());
    }

    @Test
    void storyThatCannotBeRenderedGoesToTheDeadLetterTopicAndTheNextStoryStillRenders() {
        send(StoryFixtures.withSubmission(StoryFixtures.claudeGoesToWork(), s -> s.setArticleId(BROKEN_ID)));
        send(StoryFixtures.microsoftOpenAi());

        List<ArticlePublished> events = published.readValuesToList();
        assertThat(events).extracting(ArticlePublished::getArticleId).containsExactly(StoryFixtures.MICROSOFT_ID);
        assertThat(new String(deadLetter.readKeyValue().key)).isEqualTo(BROKEN_ID);
        assertThat(meters.get(GalleyMetrics.DEAD_LETTERED).tags("stage", "render", "reason", "processing-failed")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void everyInputPartitionIsRenderedByItsOwnTaskWithNoRepartitionAndNoGlobalStore() {
        TopologyDescription description = RenderTopology.build(topics, new JtePageRenderer(StoryFixtures.SITE),
                Clock.systemUTC()).describe();

        assertThat(description.subtopologies()).singleElement().satisfies(subtopology -> {
            assertThat(subtopology.nodes()).filteredOn(TopologyDescription.Source.class::isInstance)
                    .extracting(node -> ((TopologyDescription.Source) node).topicSet())
                    .containsExactly(Set.of(topics.enriched().name()));
            assertThat(subtopology.nodes()).filteredOn(TopologyDescription.Sink.class::isInstance)
                    .extracting(node -> ((TopologyDescription.Sink) node).topic())
                    .containsExactlyInAnyOrder(topics.published().name(), topics.pages().name(),
                            topics.previews().name());
            assertThat(subtopology.nodes()).filteredOn(TopologyDescription.Processor.class::isInstance)
                    .flatExtracting(node -> ((TopologyDescription.Processor) node).stores())
                    .containsExactly(RenderTopology.PATH_STORE);
        });
        assertThat(description.globalStores()).isEmpty();
        assertThat(description.toString()).doesNotContain("repartition");
    }

    @Test
    void publishedPageIsWrittenUnderItsPathAsTheSameHtml() {
        send(StoryFixtures.microsoftOpenAi());

        String html = published.readValue().getPage().getHtml();
        KeyValue<String, String> page = pages.readKeyValue();
        assertThat(page.key).isEqualTo(StoryFixtures.MICROSOFT_PATH);
        assertThat(page.value).isEqualTo(html);
        assertThat(pages.isEmpty()).isTrue();
    }

    @Test
    void takenDownPageLeavesATombstoneUnderItsPath() {
        send(StoryFixtures.microsoftOpenAi());
        send(StoryFixtures.unpublishing(StoryFixtures.microsoftOpenAi()));

        List<KeyValue<String, String>> writes = pages.readKeyValuesToList();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1).key).isEqualTo(StoryFixtures.MICROSOFT_PATH);
        assertThat(writes.get(1).value).isNull();
    }

    @Test
    void correctionThatMovesTheStoryPutsTheNewPageThenRemovesTheOldOne() {
        String moved = "/business/microsoft-and-openai-are-not-breaking-up/";
        send(StoryFixtures.microsoftOpenAi());
        send(StoryFixtures.copy(StoryFixtures.microsoftOpenAi()).setPath(moved).setUrl(StoryFixtures.SITE.urlOf(moved)).build());
        send(StoryFixtures.microsoftOpenAi());

        List<KeyValue<String, String>> writes = pages.readKeyValuesToList();
        assertThat(writes).extracting(write -> write.key).containsExactly(
                StoryFixtures.MICROSOFT_PATH, moved, StoryFixtures.MICROSOFT_PATH, StoryFixtures.MICROSOFT_PATH, moved);
        assertThat(writes).extracting(write -> write.value == null).containsExactly(false, false, true, false, true);
    }

    @Test
    void cacheBuiltFromThePagesTopicHoldsExactlyTheLivePages() {
        send(StoryFixtures.claudeGoesToWork());
        send(StoryFixtures.microsoftOpenAi());
        send(StoryFixtures.unpublishing(StoryFixtures.claudeGoesToWork()));
        send(StoryFixtures.microsoftOpenAi());

        Map<String, String> cache = new HashMap<>();
        for (KeyValue<String, String> write : pages.readKeyValuesToList()) {
            if (write.value == null) {
                cache.remove(write.key);
            } else {
                cache.put(write.key, write.value);
            }
        }
        List<ArticlePublished> events = published.readValuesToList();
        assertThat(cache).containsOnlyKeys(StoryFixtures.MICROSOFT_PATH);
        assertThat(cache.get(StoryFixtures.MICROSOFT_PATH)).isEqualTo(events.get(3).getPage().getHtml());
    }

    @Test
    void storyThatCannotBeRenderedWritesNoPage() {
        send(StoryFixtures.withSubmission(StoryFixtures.claudeGoesToWork(), s -> s.setArticleId(BROKEN_ID)));

        assertThat(pages.isEmpty()).isTrue();
        assertThat(published.isEmpty()).isTrue();
    }

    private static String triple(ArticlePublished event) {
        return event.getArticleId() + " r" + event.getRevision() + " s" + event.getResend();
    }

    @Test
    void aResendIsPublishedWithEnrichsNumberAndEachRevisionsOwnEventWithZero() {
        ArticleEnriched claude = StoryFixtures.claudeGoesToWork();
        ArticleEnriched microsoft = StoryFixtures.microsoftOpenAi();
        send(microsoft);
        send(StoryFixtures.copy(withTicker(microsoft, microsoft, claude)).setResend(1).build());
        send(StoryFixtures.unpublishing(microsoft));

        List<ArticlePublished> events = published.readValuesToList();
        assertThat(events).extracting(RenderTopologyTest::triple).containsExactly(
                StoryFixtures.MICROSOFT_ID + " r1 s0", StoryFixtures.MICROSOFT_ID + " r1 s1",
                StoryFixtures.MICROSOFT_ID + " r2 s0");
        assertThat(tickerOf(events.get(1))).containsExactly(StoryFixtures.MICROSOFT_PATH, StoryFixtures.CLAUDE_PATH);
    }

    @Test
    void aStoryThatMovedIsOneEventWithTwoPageWritesSoNoTripleIsPublishedTwice() {
        String moved = "/business/microsoft-and-openai-are-not-breaking-up/";
        ArticleEnriched microsoft = StoryFixtures.microsoftOpenAi();
        ArticleEnriched correction = StoryFixtures.copy(StoryFixtures.withSubmission(microsoft, s -> s.setRevision(2)))
                .setPath(moved).setUrl(StoryFixtures.SITE.urlOf(moved)).build();
        send(microsoft);
        send(correction);
        send(StoryFixtures.copy(correction).setResend(1).build());

        List<KeyValue<String, String>> writes = pages.readKeyValuesToList();
        List<ArticlePublished> events = published.readValuesToList();
        assertThat(writes).extracting(write -> write.key + (write.value == null ? " removed" : " put")).containsExactly(
                StoryFixtures.MICROSOFT_PATH + " put", moved + " put", StoryFixtures.MICROSOFT_PATH + " removed",
                moved + " put");
        assertThat(events).extracting(RenderTopologyTest::triple).doesNotHaveDuplicates().containsExactly(
                StoryFixtures.MICROSOFT_ID + " r1 s0", StoryFixtures.MICROSOFT_ID + " r2 s0",
                StoryFixtures.MICROSOFT_ID + " r2 s1");
    }

    /** {@code article} as enrich would send it with these stories, newest first, as its ticker. */
    private static ArticleEnriched withTicker(ArticleEnriched article, ArticleEnriched... newestFirst) {
        List<Headline> ticker = Arrays.stream(newestFirst)
                .map(story -> new Headline(story.getSubmission().getArticleId(), story.getSubmission().getHeadline(),
                        story.getPath(), story.getUrl(), story.getFirstPublishedAt()))
                .toList();
        return StoryFixtures.copy(article).setTicker(ticker).build();
    }

    private static List<String> tickerOf(ArticlePublished event) {
        Document page = Jsoup.parse(event.getPage().getHtml());
        return page.select("nav.ticker li a").eachAttr("href");
    }

    private static List<String> tickerHeadlinesOf(ArticlePublished event) {
        Document page = Jsoup.parse(event.getPage().getHtml());
        return page.select("nav.ticker li a").eachText();
    }
}
