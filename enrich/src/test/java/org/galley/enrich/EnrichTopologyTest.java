package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.Action;
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
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.TraceParent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final String CLAUDE_PATH = "/ai/claude-goes-to-work-as-anthropic-bets-on-agents-over-chat/";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleAccepted> accepted;
    private TestOutputTopic<String, ArticleEnriched> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetter;
    private final SiteSettings site = SiteSettings.stackDigest();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startDriver() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_STATE_DIR", stateDir.toString()));
        Topics topics = Topics.create(config, "mock://enrich-test");
        Properties props = StreamsSettings.forService(EnrichApp.APPLICATION_ID, config, topics);
        GalleyMetrics metrics = GalleyMetrics.in(meters);
        props.put(GalleyMetrics.CONFIG, metrics);
        driver = new TopologyTestDriver(EnrichTopology.build(topics, EnrichSettings.defaults(), IndexPacing.IMMEDIATE,
                InputEnds.UNKNOWN, Clock.fixed(NOW, ZoneOffset.UTC), metrics), props);
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

    /** The events of later stories the last story sent again, keyed by article id, in the order sent. */
    private List<KeyValue<String, ArticleEnriched>> relinked = List.of();
    /** Everything the last story caused, its own event first. */
    private List<KeyValue<String, ArticleEnriched>> enrichedSinceLastRead = List.of();

    private ArticleEnriched publish(ArticleSubmitted story) {
        accepted.pipeInput(story.getArticleId(), new ArticleAccepted(story, story.getSubmittedAt().plusSeconds(1), null));
        List<KeyValue<String, ArticleEnriched>> out = enriched.readKeyValuesToList();
        assertThat(out).isNotEmpty();
        assertThat(out.get(0).key).isEqualTo(story.getArticleId());
        enrichedSinceLastRead = out;
        relinked = out.subList(1, out.size());
        relinked.forEach(again -> assertThat(again.key).isEqualTo(again.value.getSubmission().getArticleId()));
        return out.get(0).value;
    }

    @Test
    void aStoryAndTheStoriesItRelinksGoOnInItsTraceWithANewSpanAndOnlyTheTraceHeaders() {
        publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));
        publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));
        TraceParent incoming = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.putTrace(headers, incoming);
        ArticleSubmitted kafka = sample(SampleStories.KAFKA, "newsroom-streams", 1);

        accepted.pipeInput(new TestRecord<>(kafka.getArticleId(), new ArticleAccepted(kafka, kafka.getSubmittedAt(), null), headers));

        List<TestRecord<String, ArticleEnriched>> out = enriched.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("newsroom-streams", "claude-at-work", "msft-openai");
        for (TestRecord<String, ArticleEnriched> event : out) {
            TraceParent written = EventHeaders.trace(event.headers()).orElseThrow();
            assertThat(written.traceId()).isEqualTo(incoming.traceId());
            assertThat(written.spanId()).isNotEqualTo(incoming.spanId());
            assertThat(event.headers().toArray()).extracting(header -> header.key())
                    .containsExactlyInAnyOrder(EventHeaders.TRACEPARENT, EventHeaders.EVENT_TYPE);
            assertThat(EventHeaders.eventType(event.headers())).contains("ArticleEnriched");
        }
    }

    private static List<String> ticker(ArticleEnriched story) {
        return story.getTicker().stream().map(Headline::getArticleId).toList();
    }

    private static ArticleSubmitted sample(String file, String articleId, long revision) {
        return SampleStories.submission(file, articleId, revision);
    }

    private static ArticleSubmitted takedown(String articleId, long revision) {
        ArticleSubmitted takedown = sample(SampleStories.CLAUDE, articleId, revision);
        takedown.setAction(Action.UNPUBLISH);
        takedown.setHeadline("");
        takedown.setDek(null);
        takedown.setCategory("");
        takedown.setBodyMarkdown("");
        takedown.setHero(null);
        takedown.setTags(List.of());
        return takedown;
    }

    @Test
    void theMicrosoftStoryLinksToTheEarlierClaudeStoryLabelledClaude() {
        ArticleEnriched claude = publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));
        ArticleEnriched microsoft = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));
        ArticleEnriched kafka = publish(sample(SampleStories.KAFKA, "newsroom-streams", 1));

        assertThat(claude.getPath()).isEqualTo(CLAUDE_PATH);
        assertThat(claude.getRelated()).isEmpty();
        assertThat(microsoft.getRelated()).containsExactly(new RelatedStory("claude-at-work",
                "Claude Goes to Work as Anthropic Bets on Agents Over Chat", "Claude", CLAUDE_PATH,
                site.urlOf(CLAUDE_PATH)));
        assertThat(kafka.getRelated()).isEmpty();
        assertThat(kafka.getTags()).containsExactly(new Tag("Apache Kafka", "apache-kafka"), new Tag("Publishing", "publishing"));
        // The Kafka story came last but was published first: the two pages after it get it in their ticker.
        assertThat(ticker(kafka)).containsExactly("newsroom-streams");
        assertThat(relinked).extracting(again -> again.key + " " + ticker(again.value)).containsExactly(
                "claude-at-work [claude-at-work, newsroom-streams]",
                "msft-openai [msft-openai, claude-at-work, newsroom-streams]");
        assertThat(relinked.get(1).value.getRelated()).isEqualTo(microsoft.getRelated());
    }

    @Test
    void theDraftAndIndexStepsOfEachStoryAreTimed() {
        publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));
        publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));

        assertThat(meters.get(GalleyMetrics.PROCESSING).tags("stage", "enrich", "step", "draft").timer().count()).isEqualTo(2);
        assertThat(meters.get(GalleyMetrics.PROCESSING).tags("stage", "enrich", "step", "index").timer().count()).isEqualTo(2);
    }

    @Test
    void aStoryArrivingAfterALaterDatedOneIsLinkedFromItAndTheLaterOneIsSentAgain() {
        ArticleEnriched microsoft = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));
        ArticleEnriched claude = publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));

        assertThat(microsoft.getRelated()).isEmpty();
        assertThat(ticker(microsoft)).containsExactly("msft-openai");
        assertThat(claude.getRelated()).isEmpty();
        assertThat(ticker(claude)).containsExactly("claude-at-work");
        assertThat(relinked).singleElement().satisfies(again -> {
            assertThat(again.key).isEqualTo("msft-openai");
            assertThat(again.value.getSubmission()).isEqualTo(microsoft.getSubmission());
            assertThat(again.value.getPath()).isEqualTo(microsoft.getPath());
            assertThat(again.value.getWordCount()).isEqualTo(microsoft.getWordCount());
            assertThat(again.value.getRelated()).containsExactly(new RelatedStory("claude-at-work",
                    "Claude Goes to Work as Anthropic Bets on Agents Over Chat", "Claude", CLAUDE_PATH,
                    site.urlOf(CLAUDE_PATH)));
            assertThat(again.value.getTicker()).containsExactly(
                    new Headline("msft-openai", microsoft.getSubmission().getHeadline(), microsoft.getPath(),
                            microsoft.getUrl(), Instant.parse("2026-04-28T00:00:00Z")),
                    new Headline("claude-at-work", "Claude Goes to Work as Anthropic Bets on Agents Over Chat",
                            CLAUDE_PATH, site.urlOf(CLAUDE_PATH), Instant.parse("2026-04-21T00:00:00Z")));
        });
    }

    @Test
    void theStackDigestStoryIsEnrichedForItsPage() {
        ArticleEnriched story = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));

        assertThat(story.getPath()).isEqualTo("/ai/microsoft-and-openai-are-not-breaking-up-but-they-are-no-longer-one-company-in/");
        assertThat(story.getUrl()).isEqualTo(site.urlOf(story.getPath()));
        assertThat(story.getWordCount()).isEqualTo(1038);
        assertThat(story.getReadingTimeMinutes()).isEqualTo(5);
        assertThat(story.getTags()).extracting(Tag::getName).contains("AI", "Microsoft", "OpenAI", "Azure", "Amazon Web Services");
        assertThat(story.getExcerpt()).startsWith("The biggest AI alliance of the decade has just been rewritten.");
        assertThat(story.getFirstPublishedAt()).isEqualTo(Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(story.getEnrichedAt()).isEqualTo(NOW);
    }

    @Test
    void aCorrectionKeepsTheSlugThoughTheHeadlineChanged() {
        ArticleEnriched first = publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));
        ArticleSubmitted correction = sample(SampleStories.CLAUDE, "claude-at-work", 2);
        correction.setHeadline("Claude Clocks In as Anthropic Bets on Agents");
        correction.setPublishedAt(null);
        ArticleEnriched corrected = publish(correction);

        assertThat(corrected.getSubmission().getHeadline()).isEqualTo("Claude Clocks In as Anthropic Bets on Agents");
        assertThat(corrected.getSlug()).isEqualTo(first.getSlug());
        assertThat(corrected.getPath()).isEqualTo(first.getPath());
        assertThat(corrected.getUrl()).isEqualTo(first.getUrl());
        assertThat(corrected.getFirstPublishedAt()).isEqualTo(first.getFirstPublishedAt());
    }

    @Test
    void twoStoriesWithTheSameHeadlineGetDistinctSlugs() {
        ArticleEnriched first = publish(sample(SampleStories.KAFKA, "streams-1", 1));
        ArticleEnriched second = publish(sample(SampleStories.KAFKA, "streams-2", 1));
        ArticleEnriched firstAgain = publish(sample(SampleStories.KAFKA, "streams-1", 2));

        assertThat(first.getSlug()).isEqualTo("why-newsrooms-are-rebuilding-their-publishing-pipelines-around-event-streams");
        assertThat(second.getSlug()).isEqualTo(first.getSlug() + "-2");
        assertThat(second.getPath()).isNotEqualTo(first.getPath());
        assertThat(firstAgain.getSlug()).isEqualTo(first.getSlug());
    }

    @Test
    void anUnpublishCarriesTheOldPathAndTheStoryStopsBeingOfferedAsRelated() {
        ArticleEnriched claude = publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));
        assertThat(publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1)).getRelated()).hasSize(1);

        ArticleEnriched takenDown = publish(takedown("claude-at-work", 2));
        List<KeyValue<String, ArticleEnriched>> resent = relinked;
        ArticleEnriched microsoftCorrected = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 2));

        assertThat(takenDown.getSubmission().getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(takenDown.getSlug()).isEqualTo(claude.getSlug());
        assertThat(takenDown.getPath()).isEqualTo(claude.getPath());
        assertThat(takenDown.getUrl()).isEqualTo(claude.getUrl());
        assertThat(takenDown.getTags()).isEmpty();
        assertThat(takenDown.getRelated()).isEmpty();
        assertThat(takenDown.getWordCount()).isZero();
        assertThat(takenDown.getReadingTimeMinutes()).isZero();
        assertThat(takenDown.getTicker()).isEmpty();
        assertThat(resent).singleElement().satisfies(again -> {
            assertThat(again.key).isEqualTo("msft-openai");
            assertThat(again.value.getSubmission().getRevision()).isEqualTo(1);
            assertThat(again.value.getRelated()).isEmpty();
            assertThat(ticker(again.value)).containsExactly("msft-openai");
        });
        assertThat(microsoftCorrected.getRelated()).isEmpty();
        assertThat(relinked).isEmpty();
    }

    @Test
    void anUnpublishForAStoryNeverSeenStillGoesOut() {
        ArticleEnriched takenDown = publish(takedown("Never Seen 1", 1));

        assertThat(takenDown.getSlug()).isEqualTo("never-seen-1");
        assertThat(takenDown.getPath()).isEqualTo("/never-seen-1/");
    }

    @Test
    void aRecordWithoutAStoryGoesToTheDeadLetterTopicAndTheNextStoryStillFlows() {
        accepted.pipeInput("tombstone", null);
        ArticleEnriched next = publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));

        assertThat(next.getPath()).isEqualTo(CLAUDE_PATH);
        assertThat(deadLetter.readKeyValuesToList()).extracting(record -> new String(record.key)).containsExactly("tombstone");
        assertThat(enriched.isEmpty()).isTrue();
    }

    private static List<String> links(ArticleEnriched story) {
        return story.getRelated().stream().map(related -> related.getArticleId() + " as " + related.getLabel()).toList();
    }

    @Test
    void aNewsdaysStoriesInOrderLinkToEarlierStoriesSharingTheirSubjects() {
        ArticleEnriched essay = publish(Articles.submission(Articles.ESSAY));
        ArticleEnriched interview = publish(Articles.submission(Articles.INTERVIEW));
        ArticleEnriched release = publish(Articles.submission(Articles.RELEASE_NOTE));
        ArticleEnriched advisory = publish(Articles.submission(Articles.SECURITY_ADVISORY));
        ArticleEnriched sport = publish(Articles.submission(Articles.SPORT));
        ArticleEnriched claude = publish(sample(SampleStories.CLAUDE, "claude-at-work", 1));
        ArticleEnriched microsoft = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));
        ArticleEnriched japanese = publish(Articles.submission(Articles.JAPANESE));

        assertThat(links(essay)).isEmpty();
        assertThat(links(interview)).isEmpty();
        assertThat(links(release)).isEmpty();
        assertThat(links(sport)).isEmpty();
        // Open Source is shared; the label is what the release note's headline is about.
        assertThat(links(advisory)).containsExactly("release-kestrel-3 as Kestrel");
        // One shared tag each (AI with the interview, Google with the essay): the more recent story first.
        assertThat(links(claude)).containsExactly("interview-fernbrook as Fernbrook Labs", "essay-news-deserts as Local News");
        assertThat(links(microsoft)).containsExactly("claude-at-work as Claude", "interview-fernbrook as Fernbrook Labs");
        // Four shared tags beat two beat one, whatever the dates.
        assertThat(links(japanese)).containsExactly("msft-openai as Azure", "claude-at-work as Claude",
                "interview-fernbrook as Fernbrook Labs");
        assertThat(japanese.getRelated().get(0).getUrl()).isEqualTo(site.urlOf(microsoft.getPath()));
        assertThat(japanese.getRelated().get(0).getHeadline()).isEqualTo(microsoft.getSubmission().getHeadline());
        assertThat(ticker(japanese)).containsExactly("cjk-openai-japan", "msft-openai", "claude-at-work",
                "sport-coastal-cup", "advisory-quillmark");
        // Filed in publication order, the last story sends no other page again.
        assertThat(relinked).isEmpty();
    }

    private static ArticleSubmitted sample(String file, String articleId, long revision, String day) {
        ArticleSubmitted story = sample(file, articleId, revision);
        story.setPublishedAt(Instant.parse(day + "T08:00:00Z"));
        return story;
    }

    /** The re-send number of the event the last story sent again for {@code articleId}. */
    private int resendOf(String articleId) {
        return relinked.stream().filter(again -> again.key.equals(articleId)).map(again -> again.value.getResend())
                .findFirst().orElseThrow(() -> new AssertionError(articleId + " was not sent again"));
    }

    @Test
    void aStorysFirstEventIsSendZeroEachRelinkTheNextAndANewRevisionStartsAgainAtZero() {
        ArticleEnriched first = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1));
        publish(sample(SampleStories.KAFKA, "streams-1", 1, "2026-04-20"));
        int firstRelink = resendOf("msft-openai");
        publish(sample(SampleStories.KAFKA, "streams-2", 1, "2026-04-21"));
        int secondRelink = resendOf("msft-openai");
        ArticleEnriched correction = publish(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 2));
        publish(sample(SampleStories.KAFKA, "streams-3", 1, "2026-04-22"));
        int relinkOfCorrection = resendOf("msft-openai");

        assertThat(List.of(first.getResend(), firstRelink, secondRelink, correction.getResend(), relinkOfCorrection))
                .containsExactly(0, 1, 2, 0, 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void noTwoEventsShareArticleIdRevisionAndResendWhateverTheOrderOfArrival(long seed) {
        ArticleSubmitted corrected = sample(SampleStories.CLAUDE, "claude-at-work", 2);
        corrected.setHeadline("Claude Clocks In as Anthropic Bets on Agents");
        List<List<ArticleSubmitted>> stories = new ArrayList<>(List.of(
                List.of(sample(SampleStories.CLAUDE, "claude-at-work", 1), corrected),
                List.of(sample(SampleStories.MICROSOFT_OPENAI, "msft-openai", 1), takedown("msft-openai", 2)),
                List.of(sample(SampleStories.KAFKA, "newsroom-streams", 1))));
        for (String file : List.of(Articles.ESSAY, Articles.INTERVIEW, Articles.RELEASE_NOTE,
                Articles.SECURITY_ADVISORY, Articles.SPORT, Articles.JAPANESE)) {
            stories.add(List.of(Articles.submission(file)));
        }
        Random random = new Random(seed);
        List<KeyValue<String, ArticleEnriched>> sent = new ArrayList<>();
        List<List<ArticleSubmitted>> pending = new ArrayList<>();
        stories.forEach(revisions -> pending.add(new ArrayList<>(revisions)));
        while (!pending.isEmpty()) {
            int pick = random.nextInt(pending.size());
            ArticleSubmitted story = pending.get(pick).remove(0);
            if (pending.get(pick).isEmpty()) {
                pending.remove(pick);
            }
            publish(story);
            sent.addAll(enrichedSinceLastRead);
        }

        Map<String, List<Integer>> numbers = new TreeMap<>();
        sent.forEach(event -> numbers.computeIfAbsent(
                event.key + " r" + event.value.getSubmission().getRevision(), send -> new ArrayList<>())
                .add(event.value.getResend()));
        assertThat(numbers).hasSize(11).allSatisfy((send, resends) -> assertThat(resends).as(send)
                .isEqualTo(IntStream.range(0, resends.size()).boxed().toList()));
        assertThat(sent).extracting(event -> event.key + " r" + event.value.getSubmission().getRevision() + " s"
                + event.value.getResend()).doesNotHaveDuplicates();
        assertThat(numbers.values()).anySatisfy(resends -> assertThat(resends).hasSizeGreaterThan(1));
    }
}
