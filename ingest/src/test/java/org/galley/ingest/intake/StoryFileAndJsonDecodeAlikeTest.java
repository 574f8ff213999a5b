package org.galley.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.SubmissionValidator;
import org.galley.ingest.validation.ValidationLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One story written twice, as a story file and as JSON, must come out of intake (decoding, then validation) as
 * the same submission, or be refused for the same reasons: the two formats differ in spelling only.
 */
class StoryFileAndJsonDecodeAlikeTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    private static final SubmissionDecoder DECODER =
            new SubmissionDecoder("https://news.example", "http", Clock.fixed(NOW, ZoneOffset.UTC));
    private static final SubmissionValidator VALIDATOR = new SubmissionValidator(ValidationLimits.defaults());
    private static final String LONG_HEADLINE = "H".repeat(ValidationLimits.MAX_HEADLINE + 1);

    static Stream<Arguments> sameStory() {
        return Stream.of(
                Arguments.of("every field", """
                        ---
                        id: budget-vote
                        revision: 2
                        headline: "Budget vote delayed"
                        dek: The council waits a week.
                        byline: City desk
                        category: Politics
                        published: 2026-04-28
                        embargoUntil: 2026-04-29 06:00
                        tags: [Budget, Council]
                        hero:
                          src: /media/council.jpg
                          alt: The council chamber
                          caption: Tuesday's session
                          credit: "Photo: City"
                        language: de
                        ---
                        The vote moves to **next week**.
                        """, """
                        {"articleId": "budget-vote", "revision": 2, "headline": "Budget vote delayed",
                         "dek": "The council waits a week.", "byline": "City desk", "category": "Politics",
                         "publishedAt": "2026-04-28", "embargoUntil": "2026-04-29 06:00",
                         "tags": ["Budget", "Council"],
                         "hero": {"url": "/media/council.jpg", "alt": "The council chamber",
                                  "caption": "Tuesday's session", "credit": "Photo: City"},
                         "language": "de", "bodyMarkdown": "The vote moves to **next week**."}
                        """),
                Arguments.of("defaults", """
                        ---
                        id: short
                        headline: Short
                        byline: Desk
                        category: News
                        ---
                        Body.
                        """, """
                        {"articleId": "short", "headline": "Short", "byline": "Desk", "category": "News",
                         "bodyMarkdown": "Body."}
                        """),
                Arguments.of("a time with a space and no offset is UTC", story("published: 2026-04-28 09:30"),
                        json("\"publishedAt\": \"2026-04-28 09:30\"")),
                Arguments.of("a time with an offset", story("published: 2026-04-28T09:30:00+02:00"),
                        json("\"publishedAt\": \"2026-04-28T09:30:00+02:00\"")),
                Arguments.of("epoch milliseconds", story("published: 1777334400000"),
                        json("\"publishedAt\": 1777334400000")),
                Arguments.of("tags as a comma-separated text, repeats dropped", story("tags: AI, Cloud, AI"),
                        json("\"tags\": \"AI, Cloud, AI\"")),
                Arguments.of("a revision written as text", story("revision: '3'"), json("\"revision\": \"3\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameStory")
    void theSameStoryAsAStoryFileAndAsJsonIsTheSameSubmission(String name, String storyFile, String json) {
        ArticleSubmitted fromFile = read(DECODER.storyFile("story.md", bytes(storyFile), null));
        ArticleSubmitted fromJson = read(DECODER.json(bytes(json)));

        assertThat(fromFile).isEqualTo(fromJson);
        assertThat(VALIDATOR.validate(fromFile)).isEmpty();
    }

    static Stream<Arguments> sameFault() {
        return Stream.of(
                Arguments.of("missing headline", story("headline:"), json("\"headline\": null"),
                        List.of("headline required")),
                Arguments.of("bad date", story("published: last tuesday"), json("\"publishedAt\": \"last tuesday\""),
                        List.of("publishedAt bad-value")),
                Arguments.of("bad embargo", story("embargoUntil: next week"),
                        json("\"embargoUntil\": \"next week\""), List.of("embargoUntil bad-value")),
                Arguments.of("a date that does not exist", story("published: 2026-02-30"),
                        json("\"publishedAt\": \"2026-02-30\""), List.of("publishedAt bad-value")),
                Arguments.of("headline too long", story("headline: " + LONG_HEADLINE),
                        json("\"headline\": \"" + LONG_HEADLINE + "\""), List.of("headline too-long")),
                Arguments.of("revision not a number", story("revision: two"), json("\"revision\": \"two\""),
                        List.of("revision bad-value")),
                Arguments.of("no id", story("id:"), json("\"articleId\": null"), List.of("articleId required")),
                Arguments.of("hero not a block", story("hero: /media/x.jpg"), json("\"hero\": \"/media/x.jpg\""),
                        List.of("hero bad-value")),
                Arguments.of("tags of the wrong kind", story("tags: {a: b}"), json("\"tags\": {\"a\": \"b\"}"),
                        List.of("tags bad-value")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameFault")
    void theSameFaultIsRefusedForTheSameReasonInBothFormats(String name, String storyFile, String json,
                                                             List<String> expected) {
        assertThat(reasons(DECODER.storyFile("story.md", bytes(storyFile), null))).isEqualTo(expected);
        assertThat(reasons(DECODER.json(bytes(json)))).isEqualTo(expected);
    }

    @Test
    void aDateIsMidnightUtcAndATimeWithoutAnOffsetIsUtc() {
        assertThat(SubmissionDecoder.parseTime("2026-04-28")).isEqualTo(Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(SubmissionDecoder.parseTime("2026-04-28 09:30")).isEqualTo(Instant.parse("2026-04-28T09:30:00Z"));
        assertThat(SubmissionDecoder.parseTime("2026-04-28T09:30")).isEqualTo(Instant.parse("2026-04-28T09:30:00Z"));
        assertThat(SubmissionDecoder.parseTime("2026-04-28 09:30+02:00")).isEqualTo(Instant.parse("2026-04-28T07:30:00Z"));
        assertThat(SubmissionDecoder.parseTime("1777334400000")).isEqualTo(Instant.ofEpochMilli(1777334400000L));
        assertThat(SubmissionDecoder.parseTime("28/04/2026")).isNull();
    }

    /** A valid story file, with one front matter line added or, for a key it already has, replaced. */
    private static String story(String line) {
        return "---\n" + withLine(List.of("id: s", "headline: H", "byline: B", "category: C"), line, ": ")
                + "\n---\nBody.\n";
    }

    /** The same valid story as JSON, with one field added or replaced. */
    private static String json(String field) {
        return "{" + withLine(List.of("\"articleId\": \"s\"", "\"headline\": \"H\"", "\"byline\": \"B\"",
                "\"category\": \"C\"", "\"bodyMarkdown\": \"Body.\""), field, ": ").replace("\n", ", ") + "}";
    }

    private static String withLine(List<String> lines, String line, String separator) {
        String key = line.substring(0, line.indexOf(separator) < 0 ? line.indexOf(':') : line.indexOf(separator));
        Stream<String> kept = lines.stream().filter(l -> !l.startsWith(key + ":") && !l.startsWith(key + separator));
        return String.join("\n", Stream.concat(kept, Stream.of(line)).toList());
    }

    private static ArticleSubmitted read(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Read.class);
        return ((Decoded.Read) decoded).submission();
    }

    /** Decoding's reasons or, for a story that decodes, validation's: "field code" each. */
    private static List<String> reasons(Decoded decoded) {
        List<RejectionReason> reasons = decoded instanceof Decoded.Refused refused ? refused.reasons()
                : VALIDATOR.validate(((Decoded.Read) decoded).submission());
        return reasons.stream().map(reason -> reason.getField() + " " + reason.getCode()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
