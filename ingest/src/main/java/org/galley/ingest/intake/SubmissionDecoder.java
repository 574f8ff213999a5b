package org.galley.ingest.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;
import org.galley.ingest.validation.TextCharacters;

/**
 * The one way a story becomes an {@link ArticleSubmitted}: a story file (YAML front matter and Markdown, as
 * newsrooms keep them in a folder or a Git repo) or a JSON body (the contract's fields) is first read into one
 * neutral {@link SubmissionTree}, and the same rules then build the submission from either. Ingest's HTTP API,
 * {@code ./galley}, the benchmark and the test fixtures all decode through here.
 *
 * <p>The two formats differ only in spelling: a story file says {@code id}, {@code published} and
 * {@code hero.src} for the contract's {@code articleId}, {@code publishedAt} and {@code hero.url} (it says
 * {@code embargoUntil} as the contract does), takes its body
 * from below the front matter, and its {@code source} and {@code submittedAt} from the tool reading it. The rules:
 * <ul>
 *   <li>Defaults: {@code revision} 1, {@code action} PUBLISH, {@code language} "en", {@code submittedAt} now,
 *       {@code source} the reader's; a story file's id defaults to what the caller gives (its file name).</li>
 *   <li>Texts are taken without surrounding whitespace (the body as written).</li>
 *   <li>{@code tags}: a list, or a comma-separated text; blanks and repeats dropped, in order.</li>
 *   <li>Times ({@code publishedAt}, {@code embargoUntil}, {@code submittedAt}, all read alike): a date
 *       {@code 2026-04-28} is midnight UTC; a time {@code 2026-04-28T09:30:00Z} or
 *       {@code 2026-04-28T09:30+02:00}, with {@code T} or a space between date and time; a time without an
 *       offset ({@code 2026-04-28 09:30}) is UTC, the zone the whole pipeline works in; a whole number is epoch
 *       milliseconds.</li>
 *   <li>A hero image that is a site path such as {@code /media/x.svg} becomes an absolute URL on the site.</li>
 *   <li>Unknown keys are ignored with a warning.</li>
 * </ul>
 * Only what makes a submission impossible to build is refused here; whether the story can be published
 * (a headline, a byline, sane lengths) is for {@code SubmissionValidator}. Pure apart from the clock.
 */
public final class SubmissionDecoder {

    /** The keys of a JSON submission: the contract's field names. */
    public static final Set<String> JSON_KEYS = Spelling.JSON.keys.keySet();

    private static final String DEFAULT_LANGUAGE = "en";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** How a format spells the contract's fields: written key to contract field, for the story and its hero. */
    private enum Spelling {
        STORY_FILE(Map.ofEntries(Map.entry("id", "articleId"), Map.entry("revision", "revision"),
                Map.entry("headline", "headline"), Map.entry("dek", "dek"), Map.entry("byline", "byline"),
                Map.entry("category", "category"), Map.entry("published", "publishedAt"),
                Map.entry("embargoUntil", "embargoUntil"), Map.entry("tags", "tags"), Map.entry("hero", "hero"),
                Map.entry("language", "language"), Map.entry("preview", "preview")),
                Map.of("src", "url", "alt", "alt", "caption", "caption", "credit", "credit")),
        JSON(Map.ofEntries(Map.entry("articleId", "articleId"), Map.entry("revision", "revision"),
                Map.entry("action", "action"), Map.entry("headline", "headline"), Map.entry("dek", "dek"),
                Map.entry("byline", "byline"), Map.entry("category", "category"),
                Map.entry("bodyMarkdown", "bodyMarkdown"), Map.entry("hero", "hero"), Map.entry("tags", "tags"),
                Map.entry("submittedAt", "submittedAt"), Map.entry("source", "source"),
                Map.entry("publishedAt", "publishedAt"), Map.entry("embargoUntil", "embargoUntil"),
                Map.entry("language", "language"), Map.entry("preview", "preview")),
                Map.of("url", "url", "alt", "alt", "caption", "caption", "credit", "credit"));

        private final Map<String, String> keys;
        private final Map<String, String> heroKeys;

        Spelling(Map<String, String> keys, Map<String, String> heroKeys) {
            this.keys = keys;
            this.heroKeys = heroKeys;
        }

        /** The key this format writes for a contract field, or null when the format has none for it. */
        String keyFor(String field, boolean hero) {
            Map<String, String> map = hero ? heroKeys : keys;
            return map.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
    }

    private final String baseUrl;
    private final String source;
    private final Clock clock;

    /**
     * @param baseUrl where the site is served ({@code SiteSettings.baseUrl()}), for site-relative hero images
     * @param source  the default {@code source}, naming the tool that read the story, e.g. "galley-cli" or "http"
     * @param clock   stamps {@code submittedAt}
     */
    public SubmissionDecoder(String baseUrl, String source, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.source = source;
        this.clock = clock;
    }

    /**
     * Decodes a story file.
     *
     * @param fileName  names the story in every message, e.g. "claude-goes-to-work.md" or "request body"
     * @param defaultId the article id when the front matter has no {@code id:}; null when there is none, so
     *                  the front matter must name it
     */
    public Decoded storyFile(String fileName, byte[] content, String defaultId) {
        StoryText text;
        SubmissionTree tree;
        try {
            text = StoryText.split(fileName, content);
            tree = FrontMatter.read(fileName, text);
        } catch (StoryFileProblem problem) {
            return new Decoded.Refused(problem.reasons());
        }
        return new Rules(tree, Spelling.STORY_FILE, fileName, text.firstYamlLine()).decode(defaultId, text.body());
    }

    /** Decodes a story file whose article id defaults to its file name without {@code .md}. */
    public Decoded storyFile(String fileName, byte[] content) {
        return storyFile(fileName, content, idFromFileName(fileName));
    }

    /** Decodes a JSON submission: an object with the contract's fields ({@link #JSON_KEYS}). */
    public Decoded json(byte[] body) {
        return json(body, null);
    }

    /**
     * As {@link #json(byte[])}; {@code defaultId} is the article id when the object names none (null: it must).
     */
    public Decoded json(byte[] body, String defaultId) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Decoded.Refused(List.of(new RejectionReason("payload", ReasonCodes.MALFORMED_JSON,
                    "The body is not valid JSON" + where + ": " + TextCharacters.visible(e.getOriginalMessage()))));
        } catch (IOException e) {
            // Not a fault of the JSON a client could fix by reading the exception's words; they stay inside.
            return new Decoded.Refused(List.of(new RejectionReason("payload", ReasonCodes.MALFORMED_JSON,
                    "The body could not be read as JSON; send a JSON object with the submission's fields.")));
        }
        if (root == null || !root.isObject()) {
            return new Decoded.Refused(List.of(new RejectionReason("payload", ReasonCodes.MALFORMED_JSON,
                    "The body must be a JSON object with the submission's fields, e.g. {\"articleId\": ...}.")));
        }
        SubmissionTree tree = new SubmissionTree((ObjectNode) root, Map.of(), Map.of(), List.of());
        return new Rules(tree, Spelling.JSON, null, 0).decode(defaultId, null);
    }

    /** The default article id of a story file: its name without folder and without {@code .md} or {@code .markdown}. */
    public static String idFromFileName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".markdown")) {
            return name.substring(0, name.length() - ".markdown".length());
        }
        return lower.endsWith(".md") ? name.substring(0, name.length() - ".md".length()) : name;
    }

    /**
     * A time as the rules above read it, or null when it is none: the same for front matter and JSON.
     * Public so that tools reading dates beside a story (an archive's index, a fixture) read them alike.
     */
    public static Instant parseTime(String raw) {
        String text = raw.strip();
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() > 10) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            // YAML timestamps, and people, may separate date and time with a space.
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException noOffset) {
                // A time without an offset is taken as UTC, the zone the whole pipeline works in.
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The rules applied to one tree: collects problems and warnings field by field, then builds the submission. */
    private final class Rules {

        private final SubmissionTree tree;
        private final ObjectNode root;
        private final Spelling spelling;
        private final String fileName;
        private final int firstLine;
        private final List<RejectionReason> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Rules(SubmissionTree tree, Spelling spelling, String fileName, int firstLine) {
            this.tree = tree;
            this.root = tree.root();
            this.spelling = spelling;
            this.fileName = fileName;
            this.firstLine = firstLine;
            problems.addAll(tree.problems());
        }

        Decoded decode(String defaultId, String storyBody) {
            warnUnknown(root, spelling.keys, "");
            String articleId = text("articleId");
            // Only a missing id takes the default: an empty one is a mistake to point out, not a new story.
            if (articleId == null) {
                articleId = defaultId;
            }
            if (articleId == null || articleId.isBlank()) {
                problems.add(new RejectionReason("articleId", ReasonCodes.REQUIRED, fileName == null
                        ? "The submission has no articleId; give the story's stable id."
                        : fileName + " line " + firstLine + ": the story has no article id; add an 'id:' line to "
                                + "the front matter (or, over HTTP, pass ?id=)."));
            }
            long revision = revision();
            Action action = action();
            String headline = text("headline");
            String dek = text("dek");
            String byline = text("byline");
            String category = text("category");
            String body = storyBody != null ? storyBody : rawText("bodyMarkdown");
            HeroImage hero = hero();
            List<String> tags = tags();
            Instant submittedAt = time("submittedAt");
            String givenSource = text("source");
            Instant publishedAt = time("publishedAt");
            Instant embargoUntil = time("embargoUntil");
            String language = text("language");
            boolean preview = preview();
            if (!problems.isEmpty()) {
                return new Decoded.Refused(problems);
            }
            return new Decoded.Read(ArticleSubmitted.newBuilder()
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
                    .setSubmittedAt(submittedAt == null ? clock.instant() : submittedAt)
                    .setSource(givenSource == null || givenSource.isEmpty() ? source : givenSource)
                    .setPublishedAt(publishedAt)
                    .setEmbargoUntil(embargoUntil)
                    .setLanguage(language == null || language.isEmpty() ? DEFAULT_LANGUAGE : language)
                    .setPreview(preview)
                    .build(), warnings);
        }

        private void warnUnknown(JsonNode object, Map<String, String> known, String prefix) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.containsKey(name)) {
                    String where = at(prefix + name, true);
                    String warning = "unknown key '" + prefix + name + "' is ignored; the keys read are "
                            + String.join(", ", known.keySet().stream().sorted().toList()) + ".";
                    warnings.add(where.isEmpty() ? capitalized(warning) : where + warning);
                }
            }
        }

        private long revision() {
            JsonNode node = node("revision");
            if (node == null || node.isNull()) {
                return 1;
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            if (node.isTextual()) {
                try {
                    return Long.parseLong(node.textValue().strip());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            problem("revision", key("revision"), "'" + key("revision") + "' must be a whole number such as 2, was "
                    + shown(node) + ".");
            return 1;
        }

        /** true or false (also written as text); absent or null is false. */
        private boolean preview() {
            JsonNode node = node("preview");
            if (node == null || node.isNull()) {
                return false;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            String text = node.isTextual() ? node.textValue().strip().toLowerCase(Locale.ROOT) : null;
            if ("true".equals(text) || "false".equals(text)) {
                return text.equals("true");
            }
            problem("preview", key("preview"), "'" + key("preview") + "' must be true or false, was '"
                    + TextCharacters.visible(node.isTextual() ? node.textValue() : node.toString()) + "'.");
            return false;
        }

        private Action action() {
            String action = text("action");
            if (action == null || action.isEmpty()) {
                return Action.PUBLISH;
            }
            try {
                return Action.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem("action", key("action"), "'" + key("action") + "' must be PUBLISH or UNPUBLISH, was '"
                        + TextCharacters.visible(action) + "'.");
                return Action.PUBLISH;
            }
        }

        private HeroImage hero() {
            JsonNode node = node("hero");
            if (node == null || node.isNull()) {
                return null;
            }
            String heroKey = key("hero");
            if (!node.isObject()) {
                problem("hero", heroKey, "'" + heroKey + "' must be a block of keys: "
                        + spelling.keyFor("url", true) + ", alt, and optionally caption and credit.");
                return null;
            }
            warnUnknown(node, spelling.heroKeys, heroKey + ".");
            String url = heroText(node, "url");
            return new HeroImage(resolve(orEmpty(url)), orEmpty(heroText(node, "alt")), heroText(node, "caption"),
                    heroText(node, "credit"));
        }

        private String heroText(JsonNode hero, String field) {
            String written = spelling.keyFor(field, true);
            return textOf(hero.get(written), "hero." + field, key("hero") + "." + written, true);
        }

        private List<String> tags() {
            JsonNode node = node("tags");
            if (node == null || node.isNull()) {
                return List.of();
            }
            Set<String> found = new LinkedHashSet<>();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String tag = textOf(node.get(i), "tags[" + i + "]", key("tags") + "[" + i + "]", true);
                    if (tag != null && !tag.isEmpty()) {
                        found.add(tag);
                    }
                }
            } else if (node.isTextual()) {
                for (String tag : node.textValue().split(",")) {
                    if (!tag.isBlank()) {
                        found.add(tag.strip());
                    }
                }
            } else {
                problem("tags", key("tags"), "'" + key("tags") + "' must be a list such as [AI, Cloud] or a text "
                        + "such as 'AI, Cloud', was " + shown(node) + ".");
            }
            return List.copyOf(found);
        }

        private Instant time(String field) {
            JsonNode node = node(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return Instant.ofEpochMilli(node.longValue());
            }
            if (node.isTextual() && node.textValue().isBlank()) {
                return null;
            }
            Instant parsed = node.isTextual() ? parseTime(node.textValue()) : null;
            if (parsed == null) {
                problem(field, key(field), "'" + key(field) + "' must be a date such as 2026-04-28, a time such as "
                        + "2026-04-28T09:30:00Z or 2026-04-28 09:30 (UTC when no offset is given), or epoch "
                        + "milliseconds, was " + shown(node) + ".");
            }
            return parsed;
        }

        /** A text field, without surrounding whitespace; null when absent or of the wrong kind (then reported). */
        private String text(String field) {
            return textOf(node(field), field, key(field), true);
        }

        /** A text field as written (the body: its whitespace is Markdown). */
        private String rawText(String field) {
            return textOf(node(field), field, key(field), false);
        }

        private String textOf(JsonNode node, String field, String written, boolean strip) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                problem(field, written, "'" + written + "' must be a single text, was " + shown(node) + ".");
                return null;
            }
            return strip ? node.textValue().strip() : node.textValue();
        }

        private JsonNode node(String field) {
            String written = spelling.keyFor(field, false);
            return written == null ? null : root.get(written);
        }

        private String key(String field) {
            String written = spelling.keyFor(field, false);
            return written == null ? field : written;
        }

        private void problem(String field, String writtenPath, String message) {
            String where = at(writtenPath, false);
            problems.add(new RejectionReason(field, ReasonCodes.BAD_VALUE,
                    where.isEmpty() ? capitalized(message) : where + message));
        }

        /** "file line N: " for a story file's key or value, nothing for JSON. */
        private String at(String writtenPath, boolean key) {
            if (fileName == null) {
                return "";
            }
            Integer line = (key ? tree.keyLines() : tree.lines()).get(writtenPath);
            return fileName + " line " + (line == null ? firstLine : line) + ": ";
        }
    }

    /** A value as a message shows it: a kind for structures, the value itself for scalars. */
    private static String shown(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a block of keys";
        }
        return node.isTextual() ? "'" + TextCharacters.visible(node.textValue()) + "'" : TextCharacters.visible(node.toString());
    }

    private static String capitalized(String message) {
        return message.startsWith("'") ? "The field " + message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** A site path becomes an absolute URL on the site; anything else is left for validation to judge. */
    private String resolve(String src) {
        if (src.startsWith("/") && !src.startsWith("//")) {
            return baseUrl + src;
        }
        return src;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
