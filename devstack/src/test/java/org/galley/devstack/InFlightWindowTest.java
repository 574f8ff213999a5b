package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.galley.ingest.storyfile.StoryFileParser;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TestClock clock = new TestClock();
    private final FakePipeline pipeline = new FakePipeline();
    private final List<String> events = new ArrayList<>();

    @Test
    void atMostTheInFlightLimitOfStoriesAreSentAndNotYetResolved() throws InterruptedException {
        List<StoryFile> stories = stories(50);

        List<PublishReport.Entry> entries = window(8).publish(stories);

        assertThat(pipeline.sent).containsExactlyElementsOf(ids(stories));
        assertThat(pipeline.mostUnresolved).isEqualTo(8);
        assertThat(entries).hasSize(50).allSatisfy(entry -> assertThat(entry.published()).isTrue());
    }

    @Test
    void withOneInFlightEachStoryIsSentOnlyOnceTheOneBeforeIsResolved() throws InterruptedException {
        window(1).publish(stories(3));

        assertThat(events).containsExactly("sent story-00", "resolved story-00", "sent story-01",
                "resolved story-01", "sent story-02", "resolved story-02");
    }

    @Test
    void storiesAreReportedInTheOrderTheirStatusesArriveNotTheOrderTheyWereSent() throws InterruptedException {
        List<PublishReport.Entry> entries = window(3).publish(stories(3));

        // The fake pipeline answers the newest story it holds first.
        assertThat(entries).extracting(PublishReport.Entry::articleId).containsExactly("story-02", "story-01", "story-00");
        assertThat(entries.get(0).siteUrl()).isEqualTo("https://news.example/ai/story-02/");
    }

    @Test
    void aStatusOfAnEarlierRevisionDoesNotResolveTheStory() throws InterruptedException {
        StoryFile correction = story("story-00", 2);
        pipeline.statuses.put("story-00", published("story-00", 1));
        pipeline.holdBack.add("story-00");

        List<PublishReport.Entry> entries = window(4).publish(List.of(correction));

        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.status().revision()).isEqualTo(2L));
        assertThat(pipeline.pauses).isGreaterThan(1);
    }

    @Test
    void twoRevisionsOfOneStoryAreNeverInFlightTogether() throws InterruptedException {
        window(10).publish(List.of(story("story-00", 1), story("story-00", 2), story("story-01", 1)));

        assertThat(events).containsSubsequence("sent story-00", "resolved story-00", "sent story-00");
        assertThat(events.subList(0, events.indexOf("resolved story-00"))).containsExactly("sent story-00");
    }

    @Test
    void eachLookAsksAboutEveryStoryDueInOneRequest() throws InterruptedException {
        window(8).publish(stories(20));

        assertThat(pipeline.asks).hasSizeLessThanOrEqualTo(pipeline.pauses + 1);
        assertThat(pipeline.asks.get(0)).containsExactlyElementsOf(ids(stories(8)));
        assertThat(pipeline.asks).allSatisfy(ask -> assertThat(ask).doesNotHaveDuplicates());
    }

    @Test
    void aStoryWithoutAnAnswerIsAskedAboutAtMostOncePerAskEvery() throws InterruptedException {
        pipeline.neverAnswer.add("story-00");
        pipeline.stepBy = Duration.ofMillis(100);

        window(4).publish(stories(1));

        long asked = pipeline.asks.stream().filter(ask -> ask.contains("story-00")).count();
        assertThat(pipeline.pauses).as("looks").isGreaterThan(500);
        assertThat(asked).isBetween(TIMEOUT.dividedBy(InFlightWindow.ASK_EVERY), TIMEOUT.dividedBy(InFlightWindow.ASK_EVERY) + 1);
    }

    @Test
    void aStoryWithNoStatusInTimeIsReportedUnansweredAndTheOthersStillPublish() throws InterruptedException {
        pipeline.neverAnswer.add("story-01");

        List<PublishReport.Entry> entries = window(4).publish(stories(3));

        assertThat(entries).extracting(PublishReport.Entry::articleId).containsExactly("story-02", "story-00", "story-01");
        assertThat(entries.get(2).status()).isNull();
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(5));
    }

    @Test
    void aStoryKafkaRefusesAsTooLargeIsRejectedInstead() throws InterruptedException {
        pipeline.tooLarge.add("story-01");

        List<PublishReport.Entry> entries = window(4).publish(stories(3));

        assertThat(pipeline.rejectedAsTooLarge).containsExactly("story-01");
        assertThat(entries).filteredOn(PublishReport.Entry::rejected).extracting(PublishReport.Entry::articleId)
                .containsExactly("story-01");
        assertThat(entries).filteredOn(PublishReport.Entry::published).hasSize(2);
    }

    @Test
    void aStoryThatFailsInALaterStageIsReportedFailedAndTheRunDoesNotCountItPublished() throws InterruptedException {
        pipeline.failIn.put("story-01", "render");

        List<PublishReport.Entry> entries = window(4).publish(stories(3));

        PublishReport.Entry failed = entries.stream().filter(entry -> entry.articleId().equals("story-01")).findFirst().orElseThrow();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.published()).isFalse();
        assertThat(failed.describe(TIMEOUT)).isEqualTo(String.format("  !  failed       %-36s in render: %s",
                "story-01.md", "page: cannot be rendered"));
        PublishReport report = new PublishReport(entries, true);
        assertThat(report.exitCode()).isEqualTo(UpCommand.FAILED);
        assertThat(report.summary()).isEqualTo("2 published, 0 rejected, 1 failed.");
    }

    @Test
    void aRevisionIngestRefusesAsStaleIsRejectedWhileTheStoryStaysPublished() throws InterruptedException {
        pipeline.statuses.put("story-00", new StoryStatus(StoryStatus.Kind.PUBLISHED, "story-00", 3L, "/ai/story-00/",
                null, List.of(), Map.of(2L, "revision 2 was refused: revision 3 is the newest accepted"), null, null));
        pipeline.neverAnswer.add("story-00");

        List<PublishReport.Entry> entries = window(4).publish(List.of(story("story-00", 2)));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.rejected()).isTrue();
            assertThat(entry.status().reasons()).containsExactly("revision 2 was refused: revision 3 is the newest accepted");
        });
    }

    @Test
    void anyOtherRefusalStopsTheRunNamingTheFile() {
        pipeline.refuse.add("story-01");

        assertThatThrownBy(() -> window(4).publish(stories(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("story-01.md");
    }

    private InFlightWindow window(int inFlight) {
        PublishListener listener = new PublishListener() {
            @Override
            public void started(int total) {
            }

            @Override
            public void resolved(PublishReport.Entry entry) {
                pipeline.resolved++;
                events.add("resolved " + entry.articleId());
            }

            @Override
            public void finished() {
            }
        };
        return new InFlightWindow(pipeline, pipeline::statuses, "https://news.example/", listener,
                new InFlightWindow.Limits(inFlight, TIMEOUT), clock, pipeline::step);
    }

    /**
     * Kafka and the pipeline behind it: stores every send at once, and at each pause answers the newest story it
     * holds (so statuses arrive out of order) while a second passes.
     */
    private final class FakePipeline implements StorySink {

        final List<String> sent = new ArrayList<>();
        final List<String> rejectedAsTooLarge = new ArrayList<>();
        final Map<String, StoryStatus> statuses = new HashMap<>();
        final Set<String> holdBack = new HashSet<>();
        final Set<String> neverAnswer = new HashSet<>();
        final Set<String> tooLarge = new HashSet<>();
        final Set<String> refuse = new HashSet<>();
        final Map<String, String> failIn = new HashMap<>();
        private final List<StoryStatus> unanswered = new ArrayList<>();
        /** The article ids of each status request, in order. */
        final List<List<String>> asks = new ArrayList<>();
        Duration stepBy = Duration.ofSeconds(1);
        int resolved;
        int mostUnresolved;
        int pauses;

        @Override
        public void send(StoryFile story, Sent done) {
            sent.add(story.articleId());
            events.add("sent " + story.articleId());
            mostUnresolved = Math.max(mostUnresolved, sent.size() - resolved);
            if (tooLarge.contains(story.articleId())) {
                done.completed(new RecordTooLargeException("too large"));
            } else if (refuse.contains(story.articleId())) {
                done.completed(new TopicAuthorizationException("not allowed"));
            } else if (!neverAnswer.contains(story.articleId())) {
                done.completed(null);
                unanswered.add(failIn.containsKey(story.articleId())
                        ? new StoryStatus(StoryStatus.Kind.FAILED, story.articleId(), story.revision(), null,
                                failIn.get(story.articleId()), List.of("page: cannot be rendered"))
                        : published(story.articleId(), story.revision()));
            }
        }

        @Override
        public void rejectAsTooLarge(StoryFile story, Sent done) {
            rejectedAsTooLarge.add(story.articleId());
            done.completed(null);
            unanswered.add(new StoryStatus(StoryStatus.Kind.REJECTED, story.articleId(), null, null, null, List.of("payload: too large")));
        }

        Map<String, StoryStatus> statuses(Collection<String> articleIds) {
            asks.add(List.copyOf(articleIds));
            Map<String, StoryStatus> found = new HashMap<>();
            articleIds.stream().filter(statuses::containsKey).forEach(id -> found.put(id, statuses.get(id)));
            return found;
        }

        void step() {
            pauses++;
            if (pauses > 10_000) {
                throw new AssertionError("The window never finished");
            }
            clock.advance(stepBy);
            if (holdBack.remove(unanswered.isEmpty() ? null : unanswered.get(unanswered.size() - 1).articleId())) {
                return;
            }
            if (!unanswered.isEmpty()) {
                StoryStatus next = unanswered.remove(unanswered.size() - 1);
                statuses.put(next.articleId(), next);
            }
        }
    }

    private static StoryStatus published(String articleId, long revision) {
        return new StoryStatus(StoryStatus.Kind.PUBLISHED, articleId, revision, "/ai/" + articleId + "/", null, List.of());
    }

    private static List<StoryFile> stories(int count) {
        return IntStream.range(0, count).mapToObj(i -> story(String.format("story-%02d", i), 1)).toList();
    }

    private static StoryFile story(String id, long revision) {
        byte[] content = ("---\nheadline: Story " + id + "\nbyline: Desk\ncategory: AI\nrevision: " + revision
                + "\n---\n\nA body.\n").getBytes(StandardCharsets.UTF_8);
        StoryFileParser parser = new StoryFileParser("https://news.example", "test", Clock.systemUTC());
        return new StoryFile(content, parser.parse(id + ".md", content));
    }

    private static List<String> ids(List<StoryFile> stories) {
        return stories.stream().map(StoryFile::articleId).toList();
    }

    /** A clock the fake pipeline moves on. */
    private static final class TestClock extends Clock {

        private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        Duration elapsed() {
            return Duration.between(START, now);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
