package org.galley.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The sample story files in {@code samples/stories} as submissions, for fixtures. Only reads the front matter and
 * body the samples use; the real story-file parser belongs to ingest.
 */
public final class SampleStories {

    public static final String CLAUDE = "claude-goes-to-work.md";
    public static final String MICROSOFT_OPENAI = "microsoft-openai-partnership.md";
    public static final String KAFKA = "kafka-streams-newsrooms.md";

    private static final Path DIRECTORY = Path.of("..", "samples", "stories");

    private SampleStories() {
    }

    /** The body of a sample, as Markdown. */
    public static String body(String file) {
        return split(read(DIRECTORY.resolve(file)), file)[1];
    }

    public static ArticleSubmitted submission(String file, String articleId, long revision) {
        return parse(read(DIRECTORY.resolve(file)), file, articleId, revision);
    }

    /** A story file's text (YAML front matter and Markdown body) as a submission; {@code name} names it in errors. */
    public static ArticleSubmitted parse(String text, String name, String articleId, long revision) {
        String[] parts = split(text, name);
        @SuppressWarnings("unchecked")
        Map<String, Object> front = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(parts[0]);
        @SuppressWarnings("unchecked")
        Map<String, Object> hero = (Map<String, Object>) front.get("hero");
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) front.getOrDefault("tags", List.of());
        Instant published = LocalDate.parse(String.valueOf(front.get("published"))).atStartOfDay(ZoneOffset.UTC).toInstant();
        return ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setRevision(revision)
                .setAction(Action.PUBLISH)
                .setHeadline(String.valueOf(front.get("headline")))
                .setDek((String) front.get("dek"))
                .setByline(String.valueOf(front.get("byline")))
                .setCategory(String.valueOf(front.get("category")))
                .setBodyMarkdown(parts[1])
                .setHero(hero == null ? null : new HeroImage(String.valueOf(hero.get("src")), String.valueOf(hero.get("alt")),
                        (String) hero.get("caption"), (String) hero.get("credit")))
                .setTags(tags.stream().map(String::valueOf).toList())
                .setSubmittedAt(published)
                .setSource("galley-cli")
                .setPublishedAt(published)
                .setLanguage(String.valueOf(front.getOrDefault("language", "en")))
                .build();
    }

    public static ArticleAccepted accepted(String file, String articleId, long revision) {
        ArticleSubmitted submission = submission(file, articleId, revision);
        return new ArticleAccepted(submission, submission.getSubmittedAt().plusSeconds(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String text, String file) {
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException(file + " has no front matter");
        }
        int end = text.indexOf("\n---\n", 4);
        return new String[] {text.substring(4, end), text.substring(end + 5)};
    }
}
