package org.galley.ingest.storyfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;
import org.galley.ingest.validation.TextCharacters;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a story file (Markdown with YAML front matter, as newsrooms keep them in a folder or a Git repo) into
 * an {@link ArticleSubmitted} to publish.
 *
 * <p>Front matter keys: {@code headline}, {@code dek}, {@code byline}, {@code category}, {@code published}
 * (a date {@code 2026-04-28} or a timestamp {@code 2026-04-28T09:30:00Z}), {@code tags} (a list, or a
 * comma-separated text), {@code hero} ({@code src}, {@code alt}, {@code caption}, {@code credit}), and the
 * optional {@code id} (default: the file name without {@code .md}), {@code revision} (default 1) and
 * {@code language} (default {@code en}). Unknown keys are ignored with a warning. A hero {@code src} that is
 * a site path such as {@code /media/x.svg} becomes an absolute URL on the site's base URL.
 *
 * <p>Only the file's form is checked here; whether the story can be published (a headline, a byline, sane
 * lengths) is decided by ingest's validation, the same for every way a story arrives. Pure apart from the
 * clock that stamps {@code submittedAt}.
 */
public final class StoryFileParser {

    private static final Set<String> KEYS = Set.of(
            "id", "revision", "headline", "dek", "byline", "category", "published", "tags", "hero", "language");
    private static final Set<String> HERO_KEYS = Set.of("src", "alt", "caption", "credit");
    private static final String DEFAULT_LANGUAGE = "en";
    /** A front matter line that starts a key: its indentation and the key. */
    private static final Pattern KEY_LINE = Pattern.compile("([ \t]*)([A-Za-z][A-Za-z0-9_-]*)[ \t]*:");

    private final String baseUrl;
    private final String source;
    private final Clock clock;

    /**
     * @param baseUrl where the site is served ({@code SiteSettings.baseUrl()}), for site-relative hero images
     * @param source  the submission's {@code source}, naming the tool that read the files, e.g. "galley-cli"
     * @param clock   stamps {@code submittedAt}
     */
    public StoryFileParser(String baseUrl, String source, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.source = source;
        this.clock = clock;
    }

    /** Reads a file from disk; the article id defaults to its name without {@code .md}. */
    public StoryFileResult parse(Path file) {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new StoryFileResult.Failed(fileName, List.of(new RejectionReason("payload", "unreadable",
                    fileName + ": the file cannot be read (" + e.getMessage() + ").")));
        }
        return parse(fileName, bytes);
    }

    /** Reads a story file's content; the article id defaults to the file name without {@code .md}. */
    public StoryFileResult parse(String fileName, byte[] content) {
        return parse(fileName, content, idFromFileName(fileName));
    }

    /**
     * Reads a story file's content.
     *
     * @param fileName  names the story in every message, e.g. "claude-goes-to-work.md" or "request body"
     * @param defaultId the article id when the front matter has no {@code id:}; null when there is none, so
     *                  the front matter must name it
     */
    public StoryFileResult parse(String fileName, byte[] content, String defaultId) {
        StoryText text;
        try {
            text = StoryText.split(fileName, content);
        } catch (StoryFileProblem problem) {
            return new StoryFileResult.Failed(fileName, List.of(problem.reason()));
        }
        List<RejectionReason> uncarriable = uncarriableCharacters(fileName, text);
        if (!uncarriable.isEmpty()) {
            return new StoryFileResult.Failed(fileName, uncarriable);
        }
        Node root;
        try {
            root = new Compose(yamlSettings(fileName)).composeString(text.frontMatter()).orElse(null);
        } catch (YamlEngineException e) {
            return new StoryFileResult.Failed(fileName, List.of(yamlProblem(fileName, text, e)));
        }
        return new Reading(fileName, text, defaultId).read(root);
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

    private static LoadSettings yamlSettings(String fileName) {
        return LoadSettings.builder()
                .setLabel(fileName)
                .setAllowDuplicateKeys(false)
                // Front matter is a few short lines; a huge or alias-bombed block is an attack, not a story.
                .setMaxAliasesForCollections(10)
                .setCodePointLimit(1024 * 1024)
                .build();
    }

    /**
     * The first character of each kind that HTML and XML cannot carry in the front matter, by line and column
     * and named after the key it is under. Checked before the YAML is read because the YAML reader refuses
     * most of them (controls, U+FFFE, U+FFFF) with a message that names neither key nor character; the rest,
     * and those written as YAML escapes such as "\x07", are found in the values by validation.
     */
    private static List<RejectionReason> uncarriableCharacters(String fileName, StoryText text) {
        List<RejectionReason> reasons = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        String[] lines = text.frontMatter().split("\n", -1);
        String parent = "";
        String key = "frontMatter";
        for (int i = 0; i < lines.length; i++) {
            Matcher keyLine = KEY_LINE.matcher(lines[i]);
            if (keyLine.lookingAt()) {
                boolean nested = !keyLine.group(1).isEmpty() && !parent.isEmpty();
                key = nested ? parent + "." + keyLine.group(2) : keyLine.group(2);
                parent = keyLine.group(1).isEmpty() ? keyLine.group(2) : parent;
            }
            for (TextCharacters.Refused refused : TextCharacters.check(lines[i])) {
                if (codes.add(refused.kind().code())) {
                    reasons.add(new RejectionReason(key, refused.kind().code(), fileName + " line "
                            + (text.firstYamlLine() + i) + ", column " + refused.character() + ": '" + key
                            + "' contains " + refused.codePointName() + ", " + refused.kind().explanation() + "."));
                }
            }
        }
        return reasons;
    }

    private static RejectionReason yamlProblem(String fileName, StoryText text, YamlEngineException e) {
        int line = text.firstYamlLine();
        String problem = e.getMessage();
        if (e instanceof MarkedYamlEngineException marked) {
            line += marked.getProblemMark().or(marked::getContextMark).map(mark -> mark.getLine()).orElse(0);
            if (marked.getProblem() != null) {
                problem = marked.getProblem();
            }
        }
        String hint = problem != null && problem.contains("mapping values are not allowed")
                ? " A value containing ': ' must be put in quotes, e.g. dek: \"Now: the news\"."
                : " Check the indentation and quoting of the front matter.";
        return new RejectionReason("frontMatter", ReasonCodes.BAD_YAML, fileName + " line " + line
                + ": the front matter is not valid YAML (" + TextCharacters.visible(problem) + ")." + hint);
    }

    /** One file being read: collects values, warnings and problems as it walks the front matter. */
    private final class Reading {

        private final String fileName;
        private final StoryText text;
        private final List<String> warnings = new ArrayList<>();
        private final List<RejectionReason> problems = new ArrayList<>();

        private String id;
        private long revision = 1;
        private String headline;
        private String dek;
        private String byline;
        private String category;
        private Instant published;
        private List<String> tags = List.of();
        private HeroImage hero;
        private String language;

        Reading(String fileName, StoryText text, String defaultId) {
            this.fileName = fileName;
            this.text = text;
            this.id = defaultId;
        }

        StoryFileResult read(Node root) {
            if (root != null && !isNull(root)) {
                if (root instanceof MappingNode) {
                    readKeys((MappingNode) root);
                } else {
                    problem("frontMatter", ReasonCodes.BAD_YAML, root,
                            "the front matter must be 'key: value' lines such as 'headline: ...'.");
                }
            }
            if (id == null || id.isBlank()) {
                problems.add(new RejectionReason("articleId", ReasonCodes.REQUIRED, fileName + " line "
                        + text.firstYamlLine() + ": the story has no article id; add an 'id:' line to the front "
                        + "matter (or, over HTTP, pass ?id=)."));
            }
            if (!problems.isEmpty()) {
                return new StoryFileResult.Failed(fileName, problems);
            }
            ArticleSubmitted submission = ArticleSubmitted.newBuilder()
                    .setArticleId(id)
                    .setRevision(revision)
                    .setAction(Action.PUBLISH)
                    .setHeadline(orEmpty(headline))
                    .setDek(dek)
                    .setByline(orEmpty(byline))
                    .setCategory(orEmpty(category))
                    .setBodyMarkdown(text.body())
                    .setHero(hero)
                    .setTags(tags)
                    .setSubmittedAt(clock.instant())
                    .setSource(source)
                    .setPublishedAt(published)
                    .setLanguage(language == null ? DEFAULT_LANGUAGE : language)
                    .build();
            return new StoryFileResult.Parsed(fileName, submission, warnings);
        }

        private void readKeys(MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple entry : mapping.getValue()) {
                String key = key(entry, seen, "");
                if (key == null) {
                    continue;
                }
                Node value = entry.getValueNode();
                switch (key) {
                    case "id": id = scalar(key, value); break;
                    case "revision": revision = revision(value); break;
                    case "headline": headline = scalar(key, value); break;
                    case "dek": dek = scalar(key, value); break;
                    case "byline": byline = scalar(key, value); break;
                    case "category": category = scalar(key, value); break;
                    case "published": published = published(value); break;
                    case "tags": tags = tags(value); break;
                    case "hero": hero = hero(value); break;
                    case "language": language = scalar(key, value); break;
                    default:
                        warnings.add(fileName + " line " + line(entry.getKeyNode()) + ": unknown key '" + key
                                + "' is ignored; the keys read are " + String.join(", ", sorted(KEYS)) + ".");
                }
            }
        }

        /** The entry's key, or null (with a problem noted) when it is not a plain, unique word. */
        private String key(NodeTuple entry, Set<String> seen, String prefix) {
            Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                problem(prefix.isEmpty() ? "frontMatter" : prefix, ReasonCodes.BAD_YAML, keyNode,
                        "a front matter key must be a plain word such as 'headline'.");
                return null;
            }
            String key = ((ScalarNode) keyNode).getValue().strip();
            if (!seen.add(key)) {
                problem(prefix + key, ReasonCodes.DUPLICATE_KEY, keyNode,
                        "'" + prefix + key + "' is given twice; keep one.");
                return null;
            }
            return key;
        }

        private String scalar(String field, Node value) {
            if (isNull(value)) {
                return null;
            }
            if (!(value instanceof ScalarNode)) {
                problem(field, ReasonCodes.BAD_VALUE, value, "'" + field + "' must be a single text, not a "
                        + (value instanceof SequenceNode ? "list" : "block of keys") + ".");
                return null;
            }
            return ((ScalarNode) value).getValue().strip();
        }

        private long revision(Node value) {
            String raw = scalar("revision", value);
            if (raw == null) {
                return 1;
            }
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                problem("revision", ReasonCodes.BAD_VALUE, value,
                        "'revision' must be a whole number such as 2, was '" + raw + "'.");
                return 1;
            }
        }

        private Instant published(Node value) {
            String raw = scalar("published", value);
            if (raw == null || raw.isEmpty()) {
                return null;
            }
            Instant instant = parseInstant(raw);
            if (instant == null) {
                problem("published", ReasonCodes.BAD_VALUE, value, "'published' must be a date such as 2026-04-28 "
                        + "or a time such as 2026-04-28T09:30:00Z, was '" + raw + "'.");
            }
            return instant;
        }

        private List<String> tags(Node value) {
            if (isNull(value)) {
                return List.of();
            }
            Set<String> found = new LinkedHashSet<>();
            if (value instanceof SequenceNode) {
                for (Node item : ((SequenceNode) value).getValue()) {
                    String tag = scalar("tags", item);
                    if (tag != null && !tag.isEmpty()) {
                        found.add(tag);
                    }
                }
            } else if (value instanceof ScalarNode) {
                for (String tag : ((ScalarNode) value).getValue().split(",")) {
                    if (!tag.isBlank()) {
                        found.add(tag.strip());
                    }
                }
            } else {
                problem("tags", ReasonCodes.BAD_VALUE, value,
                        "'tags' must be a list such as [AI, Cloud] or a text such as 'AI, Cloud'.");
            }
            return List.copyOf(found);
        }

        private HeroImage hero(Node value) {
            if (isNull(value)) {
                return null;
            }
            if (!(value instanceof MappingNode)) {
                problem("hero", ReasonCodes.BAD_VALUE, value,
                        "'hero' must be a block with src:, alt:, and optionally caption: and credit: below it.");
                return null;
            }
            String src = null;
            String alt = null;
            String caption = null;
            String credit = null;
            Set<String> seen = new HashSet<>();
            for (NodeTuple entry : ((MappingNode) value).getValue()) {
                String key = key(entry, seen, "hero.");
                if (key == null) {
                    continue;
                }
                Node node = entry.getValueNode();
                switch (key) {
                    case "src": src = scalar("hero.src", node); break;
                    case "alt": alt = scalar("hero.alt", node); break;
                    case "caption": caption = scalar("hero.caption", node); break;
                    case "credit": credit = scalar("hero.credit", node); break;
                    default:
                        warnings.add(fileName + " line " + line(entry.getKeyNode()) + ": unknown key 'hero." + key
                                + "' is ignored; the hero keys read are " + String.join(", ", sorted(HERO_KEYS)) + ".");
                }
            }
            return new HeroImage(resolve(orEmpty(src)), orEmpty(alt), caption, credit);
        }

        private void problem(String field, String code, Node node, String message) {
            problems.add(new RejectionReason(field, code, fileName + " line " + line(node) + ": " + message));
        }

        private int line(Node node) {
            return text.firstYamlLine() + node.getStartMark().map(mark -> mark.getLine()).orElse(0);
        }
    }

    /** A site path becomes an absolute URL on the site; anything else is left for validation to judge. */
    private String resolve(String src) {
        if (src.startsWith("/") && !src.startsWith("//")) {
            return baseUrl + src;
        }
        return src;
    }

    private static Instant parseInstant(String raw) {
        try {
            if (raw.length() == 10) {
                return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            // YAML timestamps may separate date and time with a space.
            String iso = raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException noOffset) {
                // A time without an offset is taken as UTC, the zone the whole pipeline works in.
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
