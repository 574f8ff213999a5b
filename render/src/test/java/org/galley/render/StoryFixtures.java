package org.galley.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RelatedStory;
import org.galley.events.Tag;
import org.galley.runtime.SiteSettings;

/**
 * Enriched events made by hand from the sample stories in {@code samples/stories}, standing in for what
 * ingest and enrich will produce. The front matter is split simply: flat {@code key: value} lines, one
 * nested map (hero) and a {@code [a, b]} tag list.
 */
public final class StoryFixtures {

    public static final SiteSettings SITE = SiteSettings.stackDigest();

    public static final String MICROSOFT_ID = "microsoft-openai-partnership";
    public static final String MICROSOFT_PATH = "/ai/microsoft-and-openai-are-not-breaking-up/";
    public static final String CLAUDE_ID = "claude-goes-to-work";
    public static final String CLAUDE_PATH = "/ai/claude-goes-to-work/";
    public static final Instant SUBMITTED_AT = Instant.parse("2026-04-28T09:30:00Z");

    private StoryFixtures() {
    }

    /** The reference Stack Digest story, 7 minutes to read, linking to the Claude story. */
    public static ArticleEnriched microsoftOpenAi() {
        RelatedStory claude = RelatedStory.newBuilder()
                .setArticleId(CLAUDE_ID)
                .setHeadline("Claude Goes to Work as Anthropic Bets on Agents Over Chat")
                .setLabel("Claude")
                .setPath(CLAUDE_PATH)
                .setUrl(SITE.urlOf(CLAUDE_PATH))
                .build();
        return enriched("microsoft-openai-partnership.md", MICROSOFT_ID, MICROSOFT_PATH, 7,
                List.of(tag("AI", "ai"), tag("Microsoft", "microsoft"), tag("OpenAI", "openai")), List.of(claude));
    }

    /** The Claude story, published a week before the reference story. */
    public static ArticleEnriched claudeGoesToWork() {
        return enriched("claude-goes-to-work.md", CLAUDE_ID, CLAUDE_PATH, 2,
                List.of(tag("AI", "ai"), tag("Anthropic", "anthropic")), List.of());
    }

    /**
     * A story file of any shape (a sample, or one of render's own in {@code src/test/resources/stories}) enriched
     * as enrich would: id from the file name, path {@code /<section>/<id>/} (just {@code /<id>/} when the
     * category has no Latin letters), reading time at 230 words a minute, excerpt from the dek or else the first
     * paragraph, and the Claude story as related.
     */
    public static ArticleEnriched fromFile(String file) {
        Story story = read(file);
        String articleId = file.replaceFirst("\\.md$", "");
        String section = story.field("category").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String path = section.isEmpty() ? "/" + articleId + "/" : "/" + section + "/" + articleId + "/";
        int minutes = (int) Math.max(1, Math.ceil(story.body().split("\\s+").length / 230.0));
        RelatedStory claude = RelatedStory.newBuilder()
                .setArticleId(CLAUDE_ID)
                .setHeadline("Claude Goes to Work as Anthropic Bets on Agents Over Chat")
                .setLabel("Claude")
                .setPath(CLAUDE_PATH)
                .setUrl(SITE.urlOf(CLAUDE_PATH))
                .build();
        List<Tag> tags = story.tags().stream()
                .map(name -> tag(name, name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")))
                .toList();
        return enriched(file, articleId, path, minutes, tags, articleId.equals(CLAUDE_ID) ? List.of() : List.of(claude));
    }

    public static ArticleEnriched enriched(String file, String articleId, String path, int readingTimeMinutes,
                                           List<Tag> tags, List<RelatedStory> related) {
        Story story = read(file);
        Map<String, String> hero = story.hero();
        Instant published = LocalDate.parse(story.field("published")).atStartOfDay(ZoneOffset.UTC).toInstant();
        ArticleSubmitted submission = ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setRevision(1)
                .setAction(Action.PUBLISH)
                .setHeadline(story.field("headline"))
                .setDek(story.field("dek"))
                .setByline(story.field("byline"))
                .setCategory(story.field("category"))
                .setBodyMarkdown(story.body())
                .setHero(hero.isEmpty() ? null : HeroImage.newBuilder()
                        .setUrl(hero.get("src"))
                        .setAlt(hero.get("alt"))
                        .setCaption(hero.get("caption"))
                        .setCredit(hero.get("credit"))
                        .build())
                .setTags(story.tags())
                .setSubmittedAt(SUBMITTED_AT)
                .setSource("render-tests")
                .setPublishedAt(published)
                .setLanguage(story.fields().getOrDefault("language", "en"))
                .build();
        return ArticleEnriched.newBuilder()
                .setSubmission(submission)
                .setSlug(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1))
                .setPath(path)
                .setUrl(SITE.urlOf(path))
                .setWordCount(story.body().split("\\s+").length)
                .setReadingTimeMinutes(readingTimeMinutes)
                .setTags(tags)
                .setExcerpt(story.field("dek") != null ? story.field("dek") : story.body().strip().split("\\R")[0])
                .setRelated(related)
                // Set even when empty: Avro's builder would otherwise copy the default by class name, which it refuses.
                .setTicker(List.of())
                .setFirstPublishedAt(published)
                .setEnrichedAt(SUBMITTED_AT.plusSeconds(1))
                .build();
    }

    /** The same story, taken down. */
    public static ArticleEnriched unpublishing(ArticleEnriched article) {
        ArticleSubmitted removal = copy(article.getSubmission())
                .setRevision(article.getSubmission().getRevision() + 1)
                .setAction(Action.UNPUBLISH)
                .build();
        return copy(article).setSubmission(removal).setResend(0).build();
    }

    /** The story with its submission changed by {@code change}. */
    public static ArticleEnriched withSubmission(ArticleEnriched article, UnaryOperator<ArticleSubmitted.Builder> change) {
        return copy(article).setSubmission(change.apply(copy(article.getSubmission())).build()).build();
    }

    // Avro's copying builders deep-copy through class lookups that Avro 1.12 refuses for untrusted
    // packages; a field-by-field copy needs no global trust setting.
    public static ArticleSubmitted.Builder copy(ArticleSubmitted submission) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(submission.getArticleId())
                .setRevision(submission.getRevision())
                .setAction(submission.getAction())
                .setHeadline(submission.getHeadline())
                .setDek(submission.getDek())
                .setByline(submission.getByline())
                .setCategory(submission.getCategory())
                .setBodyMarkdown(submission.getBodyMarkdown())
                .setHero(submission.getHero())
                .setTags(submission.getTags())
                .setSubmittedAt(submission.getSubmittedAt())
                .setSource(submission.getSource())
                .setPublishedAt(submission.getPublishedAt())
                .setLanguage(submission.getLanguage());
    }

    public static ArticleEnriched.Builder copy(ArticleEnriched article) {
        return ArticleEnriched.newBuilder()
                .setSubmission(article.getSubmission())
                .setSlug(article.getSlug())
                .setPath(article.getPath())
                .setUrl(article.getUrl())
                .setWordCount(article.getWordCount())
                .setReadingTimeMinutes(article.getReadingTimeMinutes())
                .setTags(article.getTags())
                .setExcerpt(article.getExcerpt())
                .setRelated(article.getRelated())
                .setTicker(article.getTicker())
                .setFirstPublishedAt(article.getFirstPublishedAt())
                .setEnrichedAt(article.getEnrichedAt())
                .setResend(article.getResend());
    }

    public static Tag tag(String name, String slug) {
        return Tag.newBuilder().setName(name).setSlug(slug).build();
    }

    public static Story read(String file) {
        String text;
        try {
            Path own = fixtures().resolve(file);
            text = Files.readString(Files.exists(own) ? own : samples().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] parts = text.split("(?m)^---\\s*$", 3);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> hero = new LinkedHashMap<>();
        Map<String, String> current = fields;
        for (String line : parts[1].split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            boolean nested = line.startsWith("  ");
            String key = line.substring(0, line.indexOf(':')).strip();
            String value = unquote(line.substring(line.indexOf(':') + 1).strip());
            if (!nested) {
                current = fields;
            }
            if (!nested && value.isEmpty()) {
                current = hero;
                continue;
            }
            current.put(key, value);
        }
        return new Story(fields, hero, parts[2].strip() + "\n");
    }

    /** A sample story split into front matter and Markdown body. */
    public record Story(Map<String, String> fields, Map<String, String> hero, String body) {

        public String field(String name) {
            return fields.get(name);
        }

        public List<String> tags() {
            String list = fields.getOrDefault("tags", "[]");
            return Arrays.stream(list.substring(1, list.length() - 1).split(","))
                    .map(String::strip)
                    .filter(tag -> !tag.isEmpty())
                    .toList();
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).replace("\\\"", "\"")
                : value;
    }

    /** Render's own story files, of the shapes the samples lack. */
    public static List<String> fixtureFiles() {
        try (var files = Files.list(fixtures())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample stories every part of Galley uses. */
    public static List<String> sampleFiles() {
        try (var files = Files.list(samples())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fixtures() {
        try {
            return Path.of(StoryFixtures.class.getResource("/stories").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples/stories");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/stories not found above " + Path.of("").toAbsolutePath());
    }
}
