package org.galley.ingest.http;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;
import org.galley.ingest.validation.TextCharacters;

/**
 * Reads a JSON submission (the fields of the {@code ArticleSubmitted} contract) into a submission. Only what
 * makes a submission impossible to build is refused here: malformed JSON, no article id, a revision that is
 * not a whole number, a value of the wrong kind. Whether the story can be published is for ingest's topology
 * to decide. Defaults: {@code action} PUBLISH, {@code submittedAt} now, {@code source} "http",
 * {@code language} "en". Times are ISO-8601 texts ({@code 2026-04-28T09:30:00Z}, or a date) or epoch millis.
 */
final class JsonSubmissionReader {

    static final String DEFAULT_SOURCE = "http";

    static final Set<String> FIELDS = Set.of("articleId", "revision", "action", "headline", "dek", "byline",
            "category", "bodyMarkdown", "hero", "tags", "submittedAt", "source", "publishedAt", "language");
    private static final Set<String> HERO_FIELDS = Set.of("url", "alt", "caption", "credit");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonSubmissionReader() {
    }

    static DecodedSubmission read(byte[] body, Instant now) {
        return read(body, now, null);
    }

    /** As {@link #read(byte[], Instant)}, with the article id to use when the submission has no {@code articleId} (null: it is required). */
    static DecodedSubmission read(byte[] body, Instant now, String defaultId) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return DecodedSubmission.refused(List.of(new RejectionReason("payload", ReasonCodes.MALFORMED_JSON,
                    "The body is not valid JSON" + where + ": " + TextCharacters.visible(e.getOriginalMessage()))));
        } catch (IOException e) {
            // Not a fault of the JSON a client could fix by reading the exception's words; they stay inside.
            return DecodedSubmission.refused(List.of(new RejectionReason("payload", ReasonCodes.MALFORMED_JSON,
                    "The body could not be read as JSON; send a JSON object with the submission's fields.")));
        }
        if (root == null || !root.isObject()) {
            return DecodedSubmission.refused(List.of(new RejectionReason("payload", ReasonCodes.MALFORMED_JSON,
                    "The body must be a JSON object with the submission's fields, e.g. {\"articleId\": ...}.")));
        }
        return new Fields(root).read(now, defaultId);
    }

    /** One JSON object being read: collects problems and warnings field by field. */
    private static final class Fields {

        private final JsonNode root;
        private final List<RejectionReason> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        DecodedSubmission read(Instant now, String defaultId) {
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    warnings.add("Unknown field '" + name + "' is ignored.");
                }
            }
            // Only an absent id is given the default: an empty one is a mistake to report, as in a story file.
            String articleId = root.hasNonNull("articleId") ? text(root, "articleId") : defaultId;
            if (articleId == null || articleId.isBlank()) {
                problems.add(new RejectionReason("articleId", ReasonCodes.REQUIRED,
                        "The submission has no articleId; give the story's stable id."));
            }
            Long revision = revision();
            Action action = action();
            String headline = text(root, "headline");
            String dek = text(root, "dek");
            String byline = text(root, "byline");
            String category = text(root, "category");
            String body = text(root, "bodyMarkdown");
            HeroImage hero = hero();
            List<String> tags = tags();
            Instant submittedAt = instant("submittedAt");
            String source = text(root, "source");
            Instant publishedAt = instant("publishedAt");
            String language = text(root, "language");
            if (!problems.isEmpty()) {
                return DecodedSubmission.refused(problems);
            }
            return DecodedSubmission.read(ArticleSubmitted.newBuilder()
                    .setArticleId(articleId)
                    .setRevision(revision)
                    .setAction(action)
                    .setHeadline(orEmpty(headline))
                    .setDek(dek)
                    .setByline(orEmpty(byline))
                    .setCategory(orEmpty(category))
                    .setBodyMarkdown(orEmpty(body))
                    .setHero(hero)
                    .setTags(tags)
                    .setSubmittedAt(submittedAt == null ? now : submittedAt)
                    .setSource(source == null || source.isBlank() ? DEFAULT_SOURCE : source)
                    .setPublishedAt(publishedAt)
                    .setLanguage(language == null || language.isBlank() ? "en" : language)
                    .build(), warnings);
        }

        private Long revision() {
            JsonNode node = root.get("revision");
            if (node == null || node.isNull()) {
                problems.add(new RejectionReason("revision", ReasonCodes.REQUIRED,
                        "The submission has no revision; give 1 for a new story and a higher number for each correction."));
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                problems.add(new RejectionReason("revision", ReasonCodes.BAD_VALUE,
                        "The revision must be a whole number such as 2, was " + node + "."));
                return null;
            }
            return node.longValue();
        }

        private Action action() {
            String action = text(root, "action");
            if (action == null || action.isBlank()) {
                return Action.PUBLISH;
            }
            try {
                return Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new RejectionReason("action", ReasonCodes.BAD_VALUE,
                        "The action must be PUBLISH or UNPUBLISH, was '" + action + "'."));
                return Action.PUBLISH;
            }
        }

        private HeroImage hero() {
            JsonNode node = root.get("hero");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problems.add(new RejectionReason("hero", ReasonCodes.BAD_VALUE,
                        "The hero must be an object such as {\"url\": \"https://...\", \"alt\": \"...\"}."));
                return null;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!HERO_FIELDS.contains(name)) {
                    warnings.add("Unknown field 'hero." + name + "' is ignored.");
                }
            }
            return new HeroImage(orEmpty(text(node, "url", "hero.url")), orEmpty(text(node, "alt", "hero.alt")),
                    text(node, "caption", "hero.caption"), text(node, "credit", "hero.credit"));
        }

        private List<String> tags() {
            JsonNode node = root.get("tags");
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problems.add(new RejectionReason("tags", ReasonCodes.BAD_VALUE,
                        "The tags must be a list of texts such as [\"AI\", \"Cloud\"]."));
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String tag = valueText(node.get(i), "tags[" + i + "]");
                if (tag != null) {
                    tags.add(tag);
                }
            }
            return tags;
        }

        private Instant instant(String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return Instant.ofEpochMilli(node.longValue());
            }
            if (node.isTextual()) {
                Instant parsed = parseInstant(node.textValue().strip());
                if (parsed != null) {
                    return parsed;
                }
            }
            problems.add(new RejectionReason(field, ReasonCodes.BAD_VALUE, "The " + field
                    + " must be a time such as \"2026-04-28T09:30:00Z\", a date, or epoch milliseconds, was " + node + "."));
            return null;
        }

        private String text(JsonNode parent, String field) {
            return text(parent, field, field);
        }

        private String text(JsonNode parent, String name, String field) {
            return valueText(parent.get(name), field);
        }

        private String valueText(JsonNode node, String field) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                problems.add(new RejectionReason(field, ReasonCodes.BAD_VALUE,
                        "The " + field + " must be a text, was " + node.getNodeType().name().toLowerCase(Locale.ROOT) + "."));
                return null;
            }
            return node.textValue();
        }
    }

    private static Instant parseInstant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
