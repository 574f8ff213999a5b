package org.galley.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RelatedStory;
import org.galley.events.Tag;
import org.galley.ingest.intake.Decoded;
import org.galley.ingest.intake.SubmissionDecoder;
import org.galley.runtime.SiteSettings;

/**
 * Enriched events made from the sample stories in {@code samples/stories} and render's own, standing in for what
 * ingest and enrich will produce: each story file is decoded by ingest's own decoder, the enrichment is made by hand.
 */
public final class StoryFixtures {

    public static final SiteSettings SITE = SiteSettings.stackDigest();

    public static final String MICROSOFT_ID = "microsoft-openai-partnership";
    public static final String MICROSOFT_PATH = "/ai/microsoft-and-openai-are-not-breaking-up/";
    public static final String CLAUDE_ID = "claude-goes-to-work";
    public static final String CLAUDE_PATH = "/ai/claude-goes-to-work/";
    public static final Instant SUBMITTED_AT = Instant.parse("2026-04-28T09:30:00Z");
    private static final SubmissionDecoder DECODER =
            new SubmissionDecoder(SITE.baseUrl(), "render-tests", Clock.fixed(SUBMITTED_AT, ZoneOffset.UTC));

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
        ArticleSubmitted story = read(file);
        String articleId = file.replaceFirst("\\.md$", "");
        String section = story.getCategory().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String path = section.isEmpty() ? "/" + articleId + "/" : "/" + section + "/" + articleId + "/";
        int minutes = (int) Math.max(1, Math.ceil(story.getBodyMarkdown().split("\\s+").length / 230.0));
        RelatedStory claude = RelatedStory.newBuilder()
                .setArticleId(CLAUDE_ID)
                .setHeadline("Claude Goes to Work as Anthropic Bets on Agents Over Chat")
                .setLabel("Claude")
                .setPath(CLAUDE_PATH)
                .setUrl(SITE.urlOf(CLAUDE_PATH))
                .build();
        List<Tag> tags = story.getTags().stream()
                .map(name -> tag(name, name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")))
                .toList();
        return enriched(file, articleId, path, minutes, tags, articleId.equals(CLAUDE_ID) ? List.of() : List.of(claude));
    }

    public static ArticleEnriched enriched(String file, String articleId, String path, int readingTimeMinutes,
                                           List<Tag> tags, List<RelatedStory> related) {
        ArticleSubmitted story = read(file);
        Instant published = story.getPublishedAt();
        ArticleSubmitted submission = copy(story).setArticleId(articleId).setRevision(1).build();
        String body = story.getBodyMarkdown();
        return ArticleEnriched.newBuilder()
                .setSubmission(submission)
                .setSlug(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1))
                .setPath(path)
                .setUrl(SITE.urlOf(path))
                .setWordCount(body.split("\\s+").length)
                .setReadingTimeMinutes(readingTimeMinutes)
                .setTags(tags)
                .setExcerpt(story.getDek() != null ? story.getDek() : body.strip().split("\\R")[0])
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
                .setResend(article.getResend())
                .setPreviewToken(article.getPreviewToken());
    }

    /** {@code article} as enrich sends a preview of it: at {@code /preview/<token>/}, with no links. */
    public static ArticleEnriched preview(ArticleEnriched article, String token) {
        String path = "/preview/" + token + "/";
        return copy(article).setPreviewToken(token).setPath(path).setUrl(SITE.urlOf(path))
                .setRelated(List.of()).setTicker(List.of()).setResend(0).build();
    }

    public static Tag tag(String name, String slug) {
        return Tag.newBuilder().setName(name).setSlug(slug).build();
    }

    /**
     * A story file (render's own, else a sample) decoded by ingest's {@link SubmissionDecoder}, as production reads
     * it: id from the file name, submitted at {@link #SUBMITTED_AT} by "render-tests".
     */
    public static ArticleSubmitted read(String file) {
        byte[] content;
        try {
            Path own = fixtures().resolve(file);
            content = Files.readAllBytes(Files.exists(own) ? own : samples().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Decoded decoded = DECODER.storyFile(file, content);
        if (!(decoded instanceof Decoded.Read read)) {
            throw new IllegalArgumentException(file + " cannot be read: " + ((Decoded.Refused) decoded).reasons());
        }
        return read.submission();
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
