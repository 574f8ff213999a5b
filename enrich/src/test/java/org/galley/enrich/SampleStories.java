package org.galley.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleSubmitted;
import org.galley.ingest.intake.Decoded;
import org.galley.ingest.intake.SubmissionDecoder;
import org.galley.runtime.SiteSettings;

/**
 * The sample story files in {@code samples/stories} as submissions, for fixtures, read by ingest's
 * {@link SubmissionDecoder}: the same defaults and date rules as production.
 */
public final class SampleStories {

    public static final String CLAUDE = "claude-goes-to-work.md";
    public static final String MICROSOFT_OPENAI = "microsoft-openai-partnership.md";
    public static final String KAFKA = "kafka-streams-newsrooms.md";

    private static final Path DIRECTORY = Path.of("..", "samples", "stories");
    private static final SubmissionDecoder DECODER = new SubmissionDecoder(SiteSettings.stackDigest().baseUrl(),
            "galley-cli", Clock.fixed(Instant.parse("2026-04-28T00:00:00Z"), ZoneOffset.UTC));

    private SampleStories() {
    }

    /** The body of a sample, as Markdown. */
    public static String body(String file) {
        return submission(file, "body", 1).getBodyMarkdown();
    }

    public static ArticleSubmitted submission(String file, String articleId, long revision) {
        return parse(read(DIRECTORY.resolve(file)), file, articleId, revision);
    }

    /**
     * A story file's text (YAML front matter and Markdown body) as a submission, decoded by ingest's own decoder so
     * fixtures read what production reads; {@code name} names it in errors. The id and revision are the caller's,
     * and a dated story is submitted when it was published, as {@code ./galley} submits an archive.
     */
    public static ArticleSubmitted parse(String text, String name, String articleId, long revision) {
        Decoded decoded = DECODER.storyFile(name, text.getBytes(StandardCharsets.UTF_8), articleId);
        if (!(decoded instanceof Decoded.Read read)) {
            throw new IllegalArgumentException(name + " cannot be read: " + ((Decoded.Refused) decoded).reasons());
        }
        ArticleSubmitted story = read.submission();
        // Changed in place: a copy through Avro's builder would need org.galley.events on Avro's trusted list.
        story.setArticleId(articleId);
        story.setRevision(revision);
        if (story.getPublishedAt() != null) {
            story.setSubmittedAt(story.getPublishedAt());
        }
        return story;
    }

    public static ArticleAccepted accepted(String file, String articleId, long revision) {
        ArticleSubmitted submission = submission(file, articleId, revision);
        return new ArticleAccepted(submission, submission.getSubmittedAt().plusSeconds(1), null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
