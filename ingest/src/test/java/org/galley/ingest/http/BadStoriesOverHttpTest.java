package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.ingest.http.FrontDoor.assertProblem;
import static org.galley.ingest.http.FrontDoor.errors;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.galley.events.RejectionReason;
import org.galley.ingest.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each class of bad input a tool can send to {@code POST /v1/articles}: the documented problem with the
 * field at fault, a recorded rejection for an invalid story (422) and nothing at all for a request that
 * cannot be read (400, 413, 415), and the next good story still taken.
 */
class BadStoriesOverHttpTest {

    static final String GOOD = """
            {"articleId": "next", "revision": 1, "headline": "H", "byline": "B", "category": "C",
             "bodyMarkdown": "Body."}""";

    private FrontDoor front;

    @AfterEach
    void close() {
        if (front != null) {
            front.close();
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                json("malformed JSON", "{\"articleId\": \"x\",", 400, "payload", "malformed-json"),
                json("not an object", "[1, 2]", 400, "payload", "malformed-json"),
                json("an empty article id", "{\"articleId\": \"\", \"revision\": 1}", 400, "articleId", "required"),
                json("a word for the revision", "{\"articleId\": \"x\", \"revision\": \"two\"}", 400, "revision",
                        "bad-value"),
                json("a duplicate key", "{\"articleId\": \"x\", \"articleId\": \"y\", \"revision\": 1}", 400,
                        "payload", "malformed-json"),
                markdown("a story file with an empty id", "---\nid: ''\nheadline: H\n---\nBody\n", 400, "articleId",
                        "required"),
                json("no headline", story("\"headline\": \"\""), 422, "headline", "required"),
                json("a headline too long", story("\"headline\": \"" + "h".repeat(301) + "\""), 422, "headline",
                        "too-long"),
                json("a script hero", story("\"hero\": {\"url\": \"javascript:alert(1)\", \"alt\": \"a\"}"), 422,
                        "hero.url", "bad-url"),
                json("an empty body", story("\"bodyMarkdown\": \"  \""), 422, "bodyMarkdown", "required"),
                json("a control character", story("\"headline\": \"Bell\\u0007\""), 422, "headline",
                        "control-characters"),
                json("half a surrogate pair", story("\"headline\": \"Broken \\ud800\""), 422, "headline", "bad-utf8"),
                json("U+FFFF as a JSON escape", story("\"headline\": \"Breaking\\uffff\""), 422, "headline",
                        "noncharacter"),
                json("U+FFFF as UTF-8", story("\"dek\": \"Dek\uFFFF\""), 422, "dek", "noncharacter"),
                json("U+FDD0 in a tag", story("\"tags\": [\"ok\", \"\\ufdd0\"]"), 422, "tags[1]", "noncharacter"),
                json("U+1FFFE in the hero credit", story("\"hero\": {\"url\": \"https://example.org/a.jpg\", "
                        + "\"alt\": \"a\", \"credit\": \"\\ud83f\\udffe\"}"), 422, "hero.credit", "noncharacter"),
                json("a lone carriage return", story("\"bodyMarkdown\": \"One\\rTwo\""), 422, "bodyMarkdown",
                        "control-characters"),
                json("an escape character in the byline", story("\"byline\": \"\\u001b[31mB\""), 422, "byline",
                        "control-characters"),
                markdown("U+FFFF in the front matter", storyFile("headline: Breaking\uFFFF", "Body."), 422,
                        "headline", "noncharacter"),
                markdown("U+FDD0 in the hero alt text", storyFile("hero:\n  src: /a.jpg\n  alt: A\uFDD0", "Body."),
                        422, "hero.alt", "noncharacter"),
                markdown("a control character in the front matter", storyFile("byline: Bell\u0007", "Body."), 422,
                        "byline", "control-characters"),
                markdown("a control character as a YAML escape", storyFile("headline: \"Bell\\x07\"", "Body."), 422,
                        "headline", "control-characters"),
                markdown("U+FFFE as a YAML escape", storyFile("category: \"AI\\uFFFE\"", "Body."), 422,
                        "category", "noncharacter"),
                markdown("U+FFFF in the story", storyFile("", "Body \uFFFF."), 422, "bodyMarkdown",
                        "noncharacter"),
                json("revision 0", "{\"articleId\": \"x\", \"revision\": 0, \"headline\": \"H\", \"byline\": \"B\", "
                        + "\"category\": \"C\", \"bodyMarkdown\": \"Body\"}", 422, "revision", "bad-revision"),
                json("a bad language", story("\"language\": \"not a tag\""), 422, "language", "bad-language"),
                markdown("broken YAML", "---\nid: x\ndek: Now: colon\n---\nBody\n", 422, "frontMatter", "bad-yaml"),
                markdown("no front matter", "# Just a story\n", 422, "frontMatter", "missing-front-matter"),
                Arguments.of("a story file that is not UTF-8", "text/markdown",
                        new byte[] {'-', '-', '-', '\n', 'i', 'd', ':', ' ', 'x', (byte) 0xFF, '\n', '-', '-', '-', '\n'},
                        422, "payload", "bad-encoding"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsItsDocumentedProblemAndTheNextStoryIsTaken(String name, String contentType, byte[] body,
                                                                   int status, String field, String code)
            throws Exception {
        front = FrontDoor.open();

        HttpResponse<String> response = front.send(front.request("/v1/articles")
                .header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));

        assertProblem(response, status);
        assertThat(errors(response)).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(front.sink.sent).isEmpty();
        if (status == 422) {
            assertThat(front.sink.rejected).singleElement().satisfies(rejection -> {
                assertThat(rejection.getReasons()).extracting(RejectionReason::getCode).contains(code);
                assertThat(rejection.getSource()).isEqualTo("http");
                assertThat(rejection.getSubmission() != null || rejection.getOriginalPayload() != null).isTrue();
            });
        } else {
            assertThat(front.sink.rejected).isEmpty();
        }
        assertNextStoryIsTaken();
    }

    @Test
    void aNoncharacterOverJsonIsNamedWithItsFieldCodePointAndCharacter() throws Exception {
        front = FrontDoor.open();

        HttpResponse<String> response = front.post("application/json", story("\"headline\": \"Breaking ne\\uffffws\""));

        assertProblem(response, 422);
        assertThat(errors(response)).singleElement().satisfies(error -> assertThat(error.get("message").asText())
                .startsWith("The headline contains U+FFFF at character 12, "));
    }

    @Test
    void aNoncharacterInAStoryFileIsNamedWithItsKeyLineColumnAndCodePoint() throws Exception {
        front = FrontDoor.open();

        HttpResponse<String> response = front.post("text/markdown",
                "---\nid: x\nbyline: B\nheadline: Breaking ne\uFFFFws\n---\nBody.\n");

        assertProblem(response, 422);
        assertThat(errors(response)).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("headline");
            assertThat(error.get("message").asText())
                    .startsWith("request body line 4, column 22: 'headline' contains U+FFFF, ");
        });
    }

    @Test
    void anArticleIdThatCannotBeCarriedIsRejectedAndTheAnswerIsStillCleanJson() throws Exception {
        front = FrontDoor.open();

        HttpResponse<String> response = front.post("application/json",
                story("\"headline\": \"H\"").replace("\"articleId\": \"x\"", "\"articleId\": \"x\\ud800\\uffff\""));

        assertProblem(response, 422);
        assertThat(errors(response)).extracting(error -> error.get("field").asText(), error -> error.get("code").asText())
                .contains(org.assertj.core.groups.Tuple.tuple("articleId", "bad-utf8"),
                        org.assertj.core.groups.Tuple.tuple("articleId", "noncharacter"));
        assertThat(org.galley.ingest.validation.TextCharacters.isCarriable(response.body())).isTrue();
        assertThat(front.sink.rejected).singleElement();
        assertNextStoryIsTaken();
    }

    @Test
    void anUnreadableStoryFileIsRecordedWithItsOriginalBytesUnderTheQueryId() throws Exception {
        front = FrontDoor.open();
        byte[] story = "---\nid: x\ndek: Now: colon\n---\nBody\n".getBytes(StandardCharsets.UTF_8);

        JsonNode problem = assertProblem(front.send(front.request("/v1/articles?id=x")
                .header("Content-Type", "text/markdown").POST(BodyPublishers.ofByteArray(story))), 422);

        assertThat(problem.get("articleId").asText()).isEqualTo("x");
        assertThat(problem.get("statusUrl").asText()).isEqualTo("/v1/articles/x");
        assertThat(front.sink.rejected.get(0).getArticleId()).isEqualTo("x");
        assertThat(front.sink.rejected.get(0).getOriginalPayload().array()).isEqualTo(story);
    }

    @Test
    void aRejectionThatCannotBeRecordedIsUnavailableNotUnprocessable() throws Exception {
        front = FrontDoor.open();
        front.sink.failing = true;

        HttpResponse<String> response = front.post("application/json", story("\"headline\": \"\""));

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void withoutTheTokenNothingIsSentOrRecordedAndTheNextStoryIsTaken() throws Exception {
        front = new FrontDoor(IngestSettings.defaults().withBearerToken("s3cret"));

        assertProblem(front.post("application/json", story("\"headline\": \"\"")), 401);
        assertProblem(front.send(front.request("/v1/articles").header("Content-Type", "application/json")
                .header("Authorization", "Bearer nope").POST(BodyPublishers.ofString(GOOD))), 401);

        assertThat(front.sink.sent).isEmpty();
        assertThat(front.sink.rejected).isEmpty();
        assertThat(front.send(front.request("/v1/articles").header("Content-Type", "application/json")
                .header("Authorization", "Bearer s3cret").POST(BodyPublishers.ofString(GOOD))).statusCode())
                .isEqualTo(202);
    }

    @Test
    void tooLargeAndUnsupportedMediaTypesRecordNothingAndTheNextStoryIsTaken() throws Exception {
        front = new FrontDoor(IngestSettings.defaults().withMaxStoryBytes(1000));

        assertProblem(front.post("application/json", story("\"bodyMarkdown\": \"" + "x".repeat(1000) + "\"")), 413);
        assertProblem(front.post("text/plain", GOOD), 415);
        assertProblem(front.post("application/json; charset=ISO-8859-1", GOOD), 415);
        assertProblem(front.send(front.request("/v1/articles").POST(BodyPublishers.ofString(GOOD))), 415);

        assertThat(front.sink.sent).isEmpty();
        assertThat(front.sink.rejected).isEmpty();
        assertNextStoryIsTaken();
    }

    private void assertNextStoryIsTaken() throws Exception {
        assertThat(front.post("application/json", GOOD).statusCode()).isEqualTo(202);
        assertThat(front.sink.sent).extracting(s -> s.getArticleId()).containsExactly("next");
    }

    /** A complete story with one field replaced. */
    private static String story(String field) {
        String name = field.substring(0, field.indexOf(':'));
        StringBuilder json = new StringBuilder("{\"articleId\": \"x\", \"revision\": 1");
        for (String part : new String[] {"\"headline\": \"H\"", "\"byline\": \"B\"", "\"category\": \"C\"",
                "\"bodyMarkdown\": \"Body.\""}) {
            if (!part.startsWith(name)) {
                json.append(", ").append(part);
            }
        }
        return json.append(", ").append(field).append('}').toString();
    }

    /** A story file with every required key, one more front matter block and the given story text. */
    private static String storyFile(String frontMatter, String body) {
        StringBuilder file = new StringBuilder("---\nid: x\n");
        for (String line : new String[] {"headline: H", "byline: B", "category: C"}) {
            if (!frontMatter.startsWith(line.substring(0, line.indexOf(':') + 1))) {
                file.append(line).append('\n');
            }
        }
        return file.append(frontMatter.isEmpty() ? "" : frontMatter + "\n").append("---\n").append(body).append('\n')
                .toString();
    }

    private static Arguments json(String name, String body, int status, String field, String code) {
        return Arguments.of(name, "application/json", body.getBytes(StandardCharsets.UTF_8), status, field, code);
    }

    private static Arguments markdown(String name, String body, int status, String field, String code) {
        return Arguments.of(name, "text/markdown", body.getBytes(StandardCharsets.UTF_8), status, field, code);
    }
}
