package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.galley.ingest.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fuzz test of the front door: a few hundred random JSON documents (random structures, and objects with the
 * contract's field names holding random values), some cut short or sent as random bytes, always get one of
 * the documented answers with a body that says what happened, never a 500, and the next good story is taken.
 * Seeded, so a failure can be replayed.
 */
class RandomJsonOverHttpTest {

    private static final long SEED = 20260428L;
    private static final int DOCUMENTS = 300;
    private static final Set<Integer> DOCUMENTED = Set.of(202, 400, 413, 415, 422);
    private static final List<String> FIELDS = List.of("articleId", "revision", "action", "headline", "dek", "byline",
            "category", "bodyMarkdown", "hero", "tags", "submittedAt", "source", "publishedAt", "language");
    private static final List<String> HERO_FIELDS = List.of("url", "alt", "caption", "credit");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random = new Random(SEED);
    private FrontDoor front;

    @AfterEach
    void close() {
        front.close();
    }

    @Test
    void randomDocumentsAlwaysGetADocumentedAnswerAndTheServerTakesTheNextStory() throws Exception {
        front = new FrontDoor(IngestSettings.defaults().withMaxStoryBytes(4096));
        Map<Integer, Integer> answers = new TreeMap<>();

        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] body = body();
            String contentType = contentType();
            HttpResponse<String> response = front.post(contentType, body);

            String sent = new String(body, StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as("seed %d, document %d: %s", SEED, i, sent).isIn(DOCUMENTED);
            answers.merge(response.statusCode(), 1, Integer::sum);
            JsonNode answer = FrontDoor.JSON.readTree(response.body());
            if (response.statusCode() == 202) {
                assertThat(answer.get("statusUrl").asText()).startsWith("/v1/articles/");
            } else {
                FrontDoor.assertProblem(response, response.statusCode());
            }
        }

        assertThat(answers).as("the documents reach every kind of answer").containsKeys(202, 400, 413, 415, 422);
        assertThat(front.post("application/json", BadStoriesOverHttpTest.GOOD).statusCode()).isEqualTo(202);
        assertThat(front.sink.sent).extracting(s -> s.getArticleId()).contains("next");
    }

    private String contentType() {
        switch (random.nextInt(20)) {
            case 0: return "text/markdown";
            case 1: return pick(List.of("text/plain", "application/xml", "application/json; charset=latin1", ""));
            default: return "application/json";
        }
    }

    private byte[] body() {
        switch (random.nextInt(8)) {
            case 0:
                return bytes(random.nextInt(200));
            case 1:
                return bytes(4097 + random.nextInt(2000));
            case 2:
                return value(3).toString().getBytes(StandardCharsets.UTF_8);
            case 3: {
                byte[] whole = submission().toString().getBytes(StandardCharsets.UTF_8);
                return Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            }
            default:
                return submission().toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An object with some of the contract's field names, each holding a random value, often of the right kind. */
    private ObjectNode submission() {
        ObjectNode node = NODES.objectNode();
        for (String field : FIELDS) {
            if (random.nextInt(10) > 0) {
                node.set(field, fieldValue(field));
            }
        }
        if (random.nextInt(5) == 0) {
            node.set(text(8), value(2));
        }
        return node;
    }

    private JsonNode fieldValue(String field) {
        if (random.nextInt(40) == 0) {
            return value(2);
        }
        switch (field) {
            case "revision":
                return NODES.numberNode(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(5));
            case "action":
                return NODES.textNode(pick(List.of("PUBLISH", "UNPUBLISH", "publish", "DELETE", "")));
            case "hero": {
                ObjectNode hero = NODES.objectNode();
                for (String name : HERO_FIELDS) {
                    if (random.nextBoolean()) {
                        hero.set(name, random.nextBoolean() ? NODES.textNode(url()) : NODES.textNode(text(20)));
                    }
                }
                return hero;
            }
            case "tags": {
                ArrayNode tags = NODES.arrayNode();
                for (int i = random.nextInt(40); i > 0; i--) {
                    tags.add(random.nextInt(10) == 0 ? value(1) : NODES.textNode(text(10)));
                }
                return tags;
            }
            case "submittedAt":
            case "publishedAt":
                return random.nextBoolean() ? NODES.numberNode(random.nextLong())
                        : NODES.textNode(pick(List.of("2026-04-28", "2026-04-28T09:30:00Z", "yesterday", "2026-13-45")));
            default:
                return NODES.textNode(text(random.nextInt(10) == 0 ? 400 : 30));
        }
    }

    /** Any JSON value, nested at most this deep. */
    private JsonNode value(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0: return NODES.nullNode();
            case 1: return NODES.booleanNode(random.nextBoolean());
            case 2: return NODES.numberNode(random.nextLong());
            case 3: return NODES.numberNode(random.nextDouble() * 1e6);
            case 4:
            case 5: return NODES.textNode(text(20));
            case 6: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(value(depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(random.nextBoolean() ? pick(FIELDS) : text(6), value(depth - 1));
                }
                return object;
            }
        }
    }

    /**
     * Random text: mostly letters, spaces and emoji; one time in eight anything, including control characters,
     * surrogate halves and replacement characters.
     */
    private String text(int maxLength) {
        boolean wild = random.nextInt(8) == 0;
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int kind = random.nextInt(10);
            if (wild && kind < 5) {
                text.append(pick(List.of((char) random.nextInt(0x20), (char) (0xD800 + random.nextInt(0x800)),
                        '\uFFFD', (char) random.nextInt(0xD800), (char) random.nextInt(0x10000))));
            } else if (kind == 0) {
                text.appendCodePoint(0x1F300 + random.nextInt(0x200));
            } else if (kind == 1) {
                text.append(' ');
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private String url() {
        return pick(List.of("https://", "http://", "javascript:", "ftp://", "//", "/")) + text(12);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
