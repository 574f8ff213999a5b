package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;
import org.galley.events.StoryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each class of bad input a tool can write to {@code articles.submitted}: it is rejected with its reason (or
 * sent to the dead-letter topic when it is not a submission at all), its status says so, and the next story
 * is still accepted.
 */
class BadStoriesThroughKafkaTest {

    @TempDir
    Path stateDir;

    private IngestDriver ingest;

    @AfterEach
    void stop() {
        if (ingest != null) {
            ingest.close();
        }
    }

    static Stream<Arguments> badStories() {
        return Stream.of(
                bad("no headline", Stories.story("bad", 1).setHeadline(" "), "headline", "required"),
                bad("no byline", Stories.story("bad", 1).setByline(""), "byline", "required"),
                bad("headline too long", Stories.story("bad", 1).setHeadline("h".repeat(301)), "headline", "too-long"),
                bad("too many tags", Stories.story("bad", 1).setTags(Collections.nCopies(31, "t")), "tags", "too-many"),
                bad("script hero", Stories.story("bad", 1)
                        .setHero(new HeroImage("javascript:alert(1)", "alt", null, null)), "hero.url", "bad-url"),
                bad("ftp hero", Stories.story("bad", 1)
                        .setHero(new HeroImage("ftp://example.org/a.jpg", "alt", null, null)), "hero.url", "bad-url"),
                bad("empty body", Stories.story("bad", 1).setBodyMarkdown(""), "bodyMarkdown", "required"),
                bad("control character", Stories.story("bad", 1).setHeadline("Bell\u0007"), "headline",
                        "control-characters"),
                bad("replacement character", Stories.story("bad", 1).setByline("Jos\uFFFD"), "byline", "bad-utf8"),
                bad("U+FFFF in the headline", Stories.story("bad", 1).setHeadline("Breaking\uFFFF"), "headline",
                        "noncharacter"),
                bad("U+FDD0 in a tag", Stories.story("bad", 1).setTags(List.of("AI", "\uFDD0")), "tags[1]",
                        "noncharacter"),
                bad("U+10FFFF in the body", Stories.story("bad", 1).setBodyMarkdown("Body \uDBFF\uDFFF"),
                        "bodyMarkdown", "noncharacter"),
                bad("U+FFFE in the hero caption", Stories.story("bad", 1)
                        .setHero(new HeroImage("https://example.org/a.jpg", "alt", "\uFFFE", null)), "hero.caption",
                        "noncharacter"),
                bad("a lone carriage return in the dek", Stories.story("bad", 1).setDek("One\rTwo"), "dek",
                        "control-characters"),
                bad("body over 1 MiB", Stories.story("bad", 1).setBodyMarkdown("x".repeat(1024 * 1024 + 1)),
                        "bodyMarkdown", "too-large"),
                bad("revision 0", Stories.story("bad", 0), "revision", "bad-revision"),
                bad("bad language", Stories.story("bad", 1).setLanguage("not a tag"), "language", "bad-language"),
                bad("keyed by another id", Stories.story("other-id", 1), "articleId", "key-mismatch"));
    }

    private static Arguments bad(String name, ArticleSubmitted.Builder story, String field, String code) {
        return Arguments.of(name, story.build(), field, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStories")
    void aBadStoryIsRejectedWithItsReasonAndTheNextIsAccepted(String name, ArticleSubmitted story, String field,
                                                               String code) {
        ingest = new IngestDriver(stateDir, "bad-kafka", Map.of());

        ingest.submitted.pipeInput("bad", story);
        ingest.submitted.pipeInput("next", Stories.good("next", 1));

        TestRecord<String, ArticleRejected> rejected = ingest.rejected.readRecord();
        assertThat(rejected.value().getReasons()).extracting(RejectionReason::getField, RejectionReason::getCode)
                .contains(tuple(field, code));
        assertThat(rejected.value().getSubmission()).isEqualTo(story);
        String articleId = rejected.key();
        assertThat(ingest.status(articleId).getState()).isEqualTo(StoryState.REJECTED);
        assertThat(ingest.status(articleId).getReasons()).extracting(RejectionReason::getCode).contains(code);
        assertThat(ingest.accepted.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("next");
        assertThat(ingest.rejected.isEmpty()).isTrue();
    }

    @Test
    void bytesThatAreNotUtf8InAnAvroStringAreRejectedAsBadUtf8NotPublished() {
        ingest = new IngestDriver(stateDir, "bad-kafka", Map.of());
        byte[] avro = ingest.serialized(Stories.story("bad", 1).setHeadline("Caf# au lait").build());
        replaceOnce(avro, "Caf#".getBytes(StandardCharsets.UTF_8), new byte[] {'C', 'a', 'f', (byte) 0xE9});

        ingest.rawSubmitted.pipeInput("bad", avro);
        ingest.submitted.pipeInput("next", Stories.good("next", 1));

        ArticleRejected rejected = ingest.rejected.readValue();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("headline", "bad-utf8"));
        assertThat(rejected.getReasons().get(0).getMessage()).contains("U+FFFD at character 4");
        assertThat(ingest.accepted.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("next");
    }

    @Test
    void aNoncharacterWrittenAsUtf8IntoAnAvroStringIsRejectedNamingItNotPublished() {
        ingest = new IngestDriver(stateDir, "bad-kafka", Map.of());
        byte[] avro = ingest.serialized(Stories.story("bad", 1).setHeadline("Breaking ne###ws").build());
        replaceOnce(avro, "###".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF});

        ingest.rawSubmitted.pipeInput("bad", avro);
        ingest.submitted.pipeInput("next", Stories.good("next", 1));

        ArticleRejected rejected = ingest.rejected.readValue();
        assertThat(rejected.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getField()).isEqualTo("headline");
            assertThat(reason.getCode()).isEqualTo("noncharacter");
            assertThat(reason.getMessage()).startsWith("The headline contains U+FFFF at character 12, ");
        });
        assertThat(ingest.status("bad").getState()).isEqualTo(StoryState.REJECTED);
        assertThat(ingest.accepted.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("next");
    }

    @Test
    void anArticleIdThatCannotBeCarriedIsRejectedUnderItAndTheReasonQuotesItSafely() {
        ingest = new IngestDriver(stateDir, "bad-kafka", Map.of());
        String id = "story\uFFFF";

        ingest.submitted.pipeInput("other", Stories.good(id, 1));

        ArticleRejected rejected = ingest.rejected.readValue();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("articleId", "noncharacter"), tuple("articleId", "key-mismatch"));
        assertThat(rejected.getReasons()).extracting(RejectionReason::getMessage)
                .anySatisfy(message -> assertThat(message).contains("'story<U+FFFF>'"))
                .noneSatisfy(message -> assertThat(message).contains(id));
    }

    @Test
    void anEmptyValueIsRejectedUnderItsKey() {
        ingest = new IngestDriver(stateDir, "bad-kafka", Map.of());

        ingest.submitted.pipeInput("story", (ArticleSubmitted) null);
        ingest.submitted.pipeInput("next", Stories.good("next", 1));

        assertThat(ingest.rejected.readRecord().key()).isEqualTo("story");
        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.REJECTED);
        assertThat(ingest.accepted.readRecord().key()).isEqualTo("next");
    }

    @Test
    void bytesThatAreNotAvroOrNameAnUnknownSchemaGoToTheDeadLetterTopicWithTheError() {
        // See IngestTopologyTest: the driver keeps dead letters only at least once; a real broker keeps them under EOS.
        ingest = new IngestDriver(stateDir, "bad-kafka", Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once", "GALLEY_ALLOW_UNSAFE_KAFKA_SETTINGS", "true"));
        byte[] unknownSchema = ingest.serialized(Stories.good("story", 1));
        ByteBuffer.wrap(unknownSchema).putInt(1, 987_654);

        ingest.rawSubmitted.pipeInput("text", "{\"articleId\": \"json\"}".getBytes(StandardCharsets.UTF_8));
        ingest.rawSubmitted.pipeInput("unknown-schema", unknownSchema);
        ingest.rawSubmitted.pipeInput("empty", new byte[] {0});
        ingest.submitted.pipeInput("next", Stories.good("next", 1));

        assertThat(ingest.deadLetter.readRecordsToList()).extracting(
                        record -> new String(record.key(), StandardCharsets.UTF_8),
                        record -> record.headers().lastHeader("__streams.errors.exception") != null)
                .containsExactly(tuple("text", true), tuple("unknown-schema", true), tuple("empty", true));
        assertThat(ingest.accepted.readRecord().key()).isEqualTo("next");
        assertThat(ingest.rejected.isEmpty()).isTrue();
    }

    private static void replaceOnce(byte[] bytes, byte[] find, byte[] replacement) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + find.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                found.add(i);
            }
        }
        assertThat(found).as("one place to corrupt").hasSize(1);
        System.arraycopy(replacement, 0, bytes, found.get(0), replacement.length);
    }
}
