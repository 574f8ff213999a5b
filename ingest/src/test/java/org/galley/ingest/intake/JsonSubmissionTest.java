package org.galley.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.junit.jupiter.api.Test;

/** The JSON side of {@link SubmissionDecoder}: its fields, defaults and refusals. */
class JsonSubmissionTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");

    @Test
    void everyContractFieldIsRead() {
        ArticleSubmitted story = decoded("""
                {"articleId": "a", "revision": 3, "action": "unpublish", "headline": "H", "dek": "D",
                 "byline": "B", "category": "C", "bodyMarkdown": "Body", "tags": ["x", "y"],
                 "hero": {"url": "https://e.org/a.jpg", "alt": "A", "caption": "Cap", "credit": "Cred"},
                 "submittedAt": "2026-04-27T08:00:00Z", "source": "cms", "publishedAt": 1777334400000,
                 "language": "fr"}
                """).submission();

        assertThat(story.getArticleId()).isEqualTo("a");
        assertThat(story.getRevision()).isEqualTo(3);
        assertThat(story.getAction()).isEqualTo(Action.UNPUBLISH);
        assertThat(story.getDek()).isEqualTo("D");
        assertThat(story.getTags()).containsExactly("x", "y");
        assertThat(story.getHero().getCredit()).isEqualTo("Cred");
        assertThat(story.getSubmittedAt()).isEqualTo(Instant.parse("2026-04-27T08:00:00Z"));
        assertThat(story.getSource()).isEqualTo("cms");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1777334400000L));
        assertThat(story.getLanguage()).isEqualTo("fr");
    }

    @Test
    void defaultsFillWhatTheContractAllowsToBeLeftOut() {
        Decoded.Read decoded = decoded("{\"articleId\": \"a\", \"revision\": 1}");

        ArticleSubmitted story = decoded.submission();
        assertThat(story.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(story.getSubmittedAt()).isEqualTo(NOW);
        assertThat(story.getSource()).isEqualTo("http");
        assertThat(story.getLanguage()).isEqualTo("en");
        assertThat(story.getHeadline()).isEmpty();
        assertThat(story.getTags()).isEmpty();
        assertThat(story.getHero()).isNull();
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnoredWithWarnings() {
        Decoded.Read decoded = decoded("{\"articleId\": \"a\", \"revision\": 1, \"layout\": \"wide\", \"hero\": {\"url\": \"\", \"alt\": \"\", \"w\": 1}}");

        assertThat(decoded.warnings()).extracting(warning -> warning.substring(0, warning.indexOf(';')))
                .containsExactly("Unknown key 'layout' is ignored", "Unknown key 'hero.w' is ignored");
    }

    @Test
    void aDuplicateFieldIsMalformed() {
        assertThat(problems("{\"articleId\": \"a\", \"articleId\": \"b\", \"revision\": 1}"))
                .extracting(RejectionReason::getCode).containsExactly("malformed-json");
    }

    @Test
    void malformedJsonSaysWhere() {
        RejectionReason reason = problems("{\n  \"articleId\": }").get(0);

        assertThat(reason.getCode()).isEqualTo("malformed-json");
        assertThat(reason.getMessage()).contains("line 2");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(problems("[1, 2]")).extracting(RejectionReason::getCode).containsExactly("malformed-json");
        assertThat(problems("")).extracting(RejectionReason::getCode).containsExactly("malformed-json");
    }

    @Test
    void wrongKindsInNestedFieldsAreNamedByPath() {
        assertThat(problems("{\"articleId\": \"a\", \"revision\": 1.5, \"tags\": [\"ok\", 3], \"hero\": {\"url\": true},"
                + " \"submittedAt\": \"yesterday\"}"))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("revision", "bad-value"), tuple("tags[1]", "bad-value"),
                        tuple("hero.url", "bad-value"), tuple("submittedAt", "bad-value"));
    }

    private static Decoded read(String json) {
        return new SubmissionDecoder("https://news.example", "http", Clock.fixed(NOW, ZoneOffset.UTC))
                .json(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RejectionReason> problems(String json) {
        return ((Decoded.Refused) read(json)).reasons();
    }

    private static Decoded.Read decoded(String json) {
        return (Decoded.Read) read(json);
    }
}
