package org.galley.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code embargoUntil} is read from a story file's front matter and from a JSON submission by the same rules as
 * {@code publishedAt}, and a value that is no time is refused naming the contract field.
 */
class EmbargoUntilDecodingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final SubmissionDecoder DECODER =
            new SubmissionDecoder("https://news.example", "http", Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-12-03 09:30           | 2026-12-03T09:30:00Z",
            "2026-12-03T09:30           | 2026-12-03T09:30:00Z",
            "2026-12-03T09:30:00Z       | 2026-12-03T09:30:00Z",
            "2026-12-03 09:30+02:00     | 2026-12-03T07:30:00Z",
            "2026-12-03                 | 2026-12-03T00:00:00Z",
            "1796290200000              | 2026-12-03T09:30:00Z"})
    void aStoryFileGivesTheEmbargoInEveryFormPublishedAtAccepts(String written, String expected) {
        ArticleSubmitted story = read(DECODER.storyFile("story.md", bytes(storyFile("embargoUntil: " + written))));

        assertThat(story.getEmbargoUntil()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'\"2026-12-03 09:30\"'       | 2026-12-03T09:30:00Z",
            "'\"2026-12-03T09:30:00Z\"'   | 2026-12-03T09:30:00Z",
            "'\"2026-12-03T09:30+02:00\"' | 2026-12-03T07:30:00Z",
            "'\"2026-12-03\"'             | 2026-12-03T00:00:00Z",
            "1796290200000              | 2026-12-03T09:30:00Z",
            "'\"1796290200000\"'          | 2026-12-03T09:30:00Z"})
    void aJsonSubmissionGivesTheEmbargoInEveryFormPublishedAtAccepts(String written, String expected) {
        ArticleSubmitted story = read(DECODER.json(bytes(json("\"embargoUntil\": " + written))));

        assertThat(story.getEmbargoUntil()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aStoryWithoutAnEmbargoHasNone() {
        assertThat(read(DECODER.storyFile("story.md", bytes(storyFile("dek: D")))).getEmbargoUntil()).isNull();
        assertThat(read(DECODER.storyFile("story.md", bytes(storyFile("embargoUntil:")))).getEmbargoUntil()).isNull();
        assertThat(read(DECODER.json(bytes(json("\"dek\": \"D\"")))).getEmbargoUntil()).isNull();
        assertThat(read(DECODER.json(bytes(json("\"embargoUntil\": null")))).getEmbargoUntil()).isNull();
        assertThat(read(DECODER.json(bytes(json("\"embargoUntil\": \"\"")))).getEmbargoUntil()).isNull();
    }

    @Test
    void theEmbargoIsReadBesideThePublicationDateNotInsteadOfIt() {
        ArticleSubmitted story = read(DECODER.storyFile("story.md",
                bytes(storyFile("published: 2026-12-01\nembargoUntil: 2026-12-03 09:30"))));

        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(story.getEmbargoUntil()).isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
    }

    @Test
    void aStoryFileWhoseEmbargoIsNoTimeIsRefusedNamingTheFieldAndItsLine() {
        Decoded decoded = DECODER.storyFile("story.md", bytes(storyFile("embargoUntil: next tuesday")));

        assertThat(refused(decoded)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("embargoUntil", ReasonCodes.BAD_VALUE));
        // The front matter's sixth line: "---", id, headline, byline, category, then the embargo.
        assertThat(refused(decoded).get(0).getMessage()).isEqualTo("story.md line 6: 'embargoUntil' must be a date "
                + "such as 2026-04-28, a time such as 2026-04-28T09:30:00Z or 2026-04-28 09:30 (UTC when no offset "
                + "is given), or epoch milliseconds, was 'next tuesday'.");
    }

    @Test
    void aJsonSubmissionWhoseEmbargoIsNoTimeIsRefusedNamingTheField() {
        Decoded impossibleDate = DECODER.json(bytes(json("\"embargoUntil\": \"2026-02-30\"")));
        Decoded wrongKind = DECODER.json(bytes(json("\"embargoUntil\": true")));

        assertThat(refused(impossibleDate)).extracting(RejectionReason::getField, RejectionReason::getCode,
                RejectionReason::getMessage).containsExactly(tuple("embargoUntil", ReasonCodes.BAD_VALUE,
                "The field 'embargoUntil' must be a date such as 2026-04-28, a time such as 2026-04-28T09:30:00Z or "
                        + "2026-04-28 09:30 (UTC when no offset is given), or epoch milliseconds, was '2026-02-30'."));
        assertThat(refused(wrongKind)).extracting(RejectionReason::getField).containsExactly("embargoUntil");
        assertThat(refused(wrongKind).get(0).getMessage()).endsWith("was true.");
    }

    /** A valid story file with the given front matter lines after its required ones. */
    private static String storyFile(String lines) {
        return "---\nid: s\nheadline: H\nbyline: B\ncategory: C\n" + lines + "\n---\nBody.\n";
    }

    /** A valid JSON submission with the given field added. */
    private static String json(String field) {
        return "{\"articleId\": \"s\", \"headline\": \"H\", \"byline\": \"B\", \"category\": \"C\", "
                + "\"bodyMarkdown\": \"Body.\", " + field + "}";
    }

    private static ArticleSubmitted read(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Read.class);
        assertThat(((Decoded.Read) decoded).warnings()).isEmpty();
        return ((Decoded.Read) decoded).submission();
    }

    private static List<RejectionReason> refused(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Refused.class);
        return ((Decoded.Refused) decoded).reasons();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
