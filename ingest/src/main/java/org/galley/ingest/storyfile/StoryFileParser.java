package org.galley.ingest.storyfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.galley.events.RejectionReason;
import org.galley.ingest.intake.Decoded;
import org.galley.ingest.intake.SubmissionDecoder;

/**
 * Reads a story file (Markdown with YAML front matter) into a {@link StoryFileResult}, for the tools that read
 * story files from disk ({@code ./galley}, the benchmark). A thin front to {@link SubmissionDecoder}, which
 * holds the front matter keys, defaults and date rules, the same as for JSON over HTTP.
 */
public final class StoryFileParser {

    private final SubmissionDecoder decoder;

    /**
     * @param baseUrl where the site is served ({@code SiteSettings.baseUrl()}), for site-relative hero images
     * @param source  the submission's {@code source}, naming the tool that read the files, e.g. "galley-cli"
     * @param clock   stamps {@code submittedAt}
     */
    public StoryFileParser(String baseUrl, String source, Clock clock) {
        this.decoder = new SubmissionDecoder(baseUrl, source, clock);
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
        Decoded decoded = decoder.storyFile(fileName, content, defaultId);
        if (decoded instanceof Decoded.Read read) {
            return new StoryFileResult.Parsed(fileName, read.submission(), read.warnings());
        }
        return new StoryFileResult.Failed(fileName, ((Decoded.Refused) decoded).reasons());
    }

    /** The default article id of a story file: its name without folder and without {@code .md} or {@code .markdown}. */
    public static String idFromFileName(String fileName) {
        return SubmissionDecoder.idFromFileName(fileName);
    }
}
