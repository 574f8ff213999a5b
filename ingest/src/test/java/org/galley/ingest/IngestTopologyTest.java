package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTopologyTest {

    @TempDir
    Path stateDir;

    private IngestDriver ingest;
    private Topics topics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleSubmitted> submitted;
    private TestOutputTopic<String, ArticleAccepted> accepted;
    private TestOutputTopic<String, ArticleRejected> rejected;
    private TestOutputTopic<byte[], byte[]> deadLetter;

    @BeforeEach
    void startDriver() {
        startDriver(Map.of());
    }

    private void startDriver(Map<String, String> overrides) {
        ingest = new IngestDriver(stateDir, "ingest-test", overrides);
        topics = ingest.topics;
        driver = ingest.driver;
        submitted = ingest.submitted;
        accepted = ingest.accepted;
        rejected = ingest.rejected;
        deadLetter = ingest.deadLetter;
    }

    @AfterEach
    void closeDriver() {
        ingest.close();
    }

    @Test
    void aGoodStoryIsAcceptedUnderItsArticleId() {
        ArticleSubmitted story = Stories.good("ms-openai", 1);

        submitted.pipeInput("ms-openai", story);

        TestRecord<String, ArticleAccepted> record = accepted.readRecord();
        assertThat(record.key()).isEqualTo("ms-openai");
        assertThat(record.value().getSubmission()).isEqualTo(story);
        assertThat(record.value().getAcceptedAt()).isEqualTo(IngestDriver.NOW);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void submissionsAcceptancesAndRejectionsByReasonAreCountedAndValidationIsTimed() {
        submitted.pipeInput("ms-openai", Stories.good("ms-openai", 1));
        submitted.pipeInput("ms-openai", Stories.good("ms-openai", 1));
        submitted.pipeInput("no-headline", Stories.story("no-headline", 1).setHeadline("").build());

        assertThat(ingest.meters.get("galley.submitted").counter().count()).isEqualTo(3);
        assertThat(ingest.meters.get("galley.accepted").counter().count()).isEqualTo(1);
        assertThat(ingest.meters.get("galley.rejected").tag("reason", "duplicate-revision").counter().count()).isEqualTo(1);
        assertThat(ingest.meters.get("galley.rejected").tag("reason", "required").counter().count()).isEqualTo(1);
        assertThat(ingest.meters.get("galley.processing").tags("stage", "ingest", "step", "validate").timer().count())
                .isEqualTo(3);
    }

    @Test
    void aStoryWithNoHeadlineAndAScriptHeroIsRejectedWithBothReasonsAndTheSubmission() {
        ArticleSubmitted story = Stories.story("bad-story", 1)
                .setHeadline("")
                .setHero(new HeroImage("javascript:alert(1)", "An image", null, null))
                .build();

        submitted.pipeInput("bad-story", story);

        TestRecord<String, ArticleRejected> record = rejected.readRecord();
        assertThat(record.key()).isEqualTo("bad-story");
        ArticleRejected rejection = record.value();
        assertThat(rejection.getReasons()).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(
                        tuple("headline", "required"),
                        tuple("hero.url", "bad-url"));
        assertThat(rejection.getSubmission()).isEqualTo(story);
        assertThat(rejection.getArticleId()).isEqualTo("bad-story");
        assertThat(rejection.getRevision()).isEqualTo(1L);
        assertThat(rejection.getSource()).isEqualTo("test");
        assertThat(rejection.getRejectedAt()).isEqualTo(IngestDriver.NOW);
        assertThat(accepted.isEmpty()).isTrue();
    }

    @Test
    void garbageBytesGoToTheDeadLetterTopicWithErrorHeadersAndTheNextStoryIsStillAccepted() {
        // The driver clears its producer before committing, which under exactly-once discards the dead letter
        // written while the bad record was read (before any processing); a real broker keeps it. So this one
        // test checks the dead-letter wiring of StreamsSettings at least once; the others run exactly once.
        closeDriver();
        startDriver(Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once", "GALLEY_ALLOW_UNSAFE_KAFKA_SETTINGS", "true"));
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(topics.submitted().name(),
                new StringSerializer(), new ByteArraySerializer());
        byte[] garbage = "this is not avro".getBytes(StandardCharsets.UTF_8);

        raw.pipeInput("garbage", garbage);
        submitted.pipeInput("next-story", Stories.good("next-story", 1));

        TestRecord<byte[], byte[]> dead = deadLetter.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(header(dead, "__streams.errors.topic")).isEqualTo(topics.submitted().name());
        assertThat(header(dead, "__streams.errors.exception")).isNotBlank();
        assertThat(header(dead, "__streams.errors.message")).isNotBlank();
        assertThat(deadLetter.isEmpty()).isTrue();
        assertThat(ingest.meters.get("galley.dead.lettered").tags("stage", "ingest", "reason", "unreadable").counter()
                .count()).isEqualTo(1);
        assertThat(accepted.readRecord().key()).isEqualTo("next-story");
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void aRepeatedRevisionIsRefusedAsADuplicateWithItsReason() {
        submitted.pipeInput("story", Stories.good("story", 1));
        submitted.pipeInput("story", Stories.good("story", 1));

        assertThat(accepted.readValuesToList()).hasSize(1);
        TestRecord<String, ArticleRejected> refusal = rejected.readRecord();
        assertThat(refusal.key()).isEqualTo("story");
        assertThat(refusal.value().getRevision()).isEqualTo(1L);
        assertThat(refusal.value().getSubmission()).isEqualTo(Stories.good("story", 1));
        assertThat(refusal.value().getReasons()).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("revision", "duplicate-revision"));
        assertThat(refusal.value().getReasons().get(0).getMessage()).contains("revision 2 or higher");
        assertThat(metric("duplicate-revisions-total")).isEqualTo(1.0);
    }

    @Test
    void anOlderRevisionIsRefusedAsStaleNamingTheNewestAccepted() {
        submitted.pipeInput("story", Stories.good("story", 3));
        submitted.pipeInput("story", Stories.story("story", 2).setHeadline("An older headline").build());

        assertThat(accepted.readValuesToList()).extracting(a -> a.getSubmission().getRevision()).containsExactly(3L);
        assertThat(rejected.readValuesToList()).singleElement().satisfies(refusal -> {
            assertThat(refusal.getReasons()).extracting(RejectionReason::getCode).containsExactly("stale-revision");
            assertThat(refusal.getReasons().get(0).getMessage()).contains("older than revision 3")
                    .contains("revision 4 or higher");
        });
        assertThat(metric("stale-revisions-total")).isEqualTo(1.0);
    }

    @Test
    void aCorrectionWithANewerRevisionIsAccepted() {
        submitted.pipeInput("story", Stories.good("story", 1));
        submitted.pipeInput("story", Stories.story("story", 2).setHeadline("Corrected headline").build());

        assertThat(accepted.readValuesToList()).extracting(a -> a.getSubmission().getHeadline())
                .containsExactly("Microsoft and OpenAI Are Not Breaking Up", "Corrected headline");
    }

    @Test
    void anUnpublishNewerThanTheStoryIsAcceptedAndAnOlderRepublishIsThenRefusedAsStale() {
        submitted.pipeInput("story", Stories.good("story", 1));
        submitted.pipeInput("story", Stories.unpublish("story", 5));
        submitted.pipeInput("story", Stories.good("story", 4));

        assertThat(accepted.readValuesToList()).extracting(a -> a.getSubmission().getAction())
                .containsExactly(Action.PUBLISH, Action.UNPUBLISH);
        assertThat(rejected.readValuesToList()).extracting(r -> r.getReasons().get(0).getCode())
                .containsExactly("stale-revision");
    }

    @Test
    void aStoryTakenDownIsPublishedAgainByTheNextRevision() {
        submitted.pipeInput("story", Stories.good("story", 1));
        submitted.pipeInput("story", Stories.unpublish("story", 2));
        submitted.pipeInput("story", Stories.good("story", 3));

        assertThat(accepted.readValuesToList()).extracting(a -> a.getSubmission().getAction(),
                        a -> a.getSubmission().getRevision())
                .containsExactly(tuple(Action.PUBLISH, 1L), tuple(Action.UNPUBLISH, 2L), tuple(Action.PUBLISH, 3L));
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void aRejectedRevisionDoesNotBlockTheFixedStoryUnderTheSameRevision() {
        submitted.pipeInput("story", Stories.story("story", 1).setByline(" ").build());
        submitted.pipeInput("story", Stories.good("story", 1));

        assertThat(rejected.readValuesToList()).hasSize(1);
        assertThat(accepted.readValuesToList()).hasSize(1);
    }

    @Test
    void aMessageKeyedByAnotherIdIsRejectedUnderItsArticleId() {
        submitted.pipeInput("wrong-key", Stories.good("story", 1));

        TestRecord<String, ArticleRejected> record = rejected.readRecord();
        assertThat(record.key()).isEqualTo("story");
        assertThat(record.value().getReasons()).extracting(RejectionReason::getCode).containsExactly("key-mismatch");
        assertThat(accepted.isEmpty()).isTrue();
    }

    @Test
    void anEmptyMessageIsRejectedUnderItsKey() {
        submitted.pipeInput("story", (ArticleSubmitted) null);

        TestRecord<String, ArticleRejected> record = rejected.readRecord();
        assertThat(record.key()).isEqualTo("story");
        assertThat(record.value().getArticleId()).isEqualTo("story");
        assertThat(record.value().getReasons()).extracting(RejectionReason::getField).containsExactly("payload");
        assertThat(record.value().getSubmission()).isNull();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private double metric(String name) {
        return driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .filter(entry -> entry.getKey().group().equals("stream-galley-ingest-metrics"))
                .map(entry -> (Double) entry.getValue().metricValue())
                .reduce(0.0, Double::sum);
    }
}
