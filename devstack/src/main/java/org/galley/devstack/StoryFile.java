package org.galley.devstack;

import java.time.Instant;

import org.galley.ingest.storyfile.StoryFileParser;
import org.galley.ingest.storyfile.StoryFileResult;

/** One story file of a folder being published: its bytes and what the parser made of them. */
record StoryFile(byte[] content, StoryFileResult result) {

    String fileName() {
        return result.fileName();
    }

    /** The story's id: from its front matter or file name, or for a file that cannot be read, its file name. */
    String articleId() {
        return result instanceof StoryFileResult.Parsed parsed
                ? parsed.submission().getArticleId()
                : StoryFileParser.idFromFileName(fileName());
    }

    /** The revision whose outcome answers this file; null for a file that can only be rejected. */
    Long revision() {
        return result instanceof StoryFileResult.Parsed parsed ? parsed.submission().getRevision() : null;
    }

    /** Whether the file asks for a preview ({@code preview: true}) rather than publication. */
    boolean isPreview() {
        return result instanceof StoryFileResult.Parsed parsed && parsed.submission().getPreview();
    }

    /** When the story was published (or else submitted); files that cannot be read come last. */
    Instant publicationTime() {
        if (result instanceof StoryFileResult.Parsed parsed) {
            Instant published = parsed.submission().getPublishedAt();
            return published != null ? published : parsed.submission().getSubmittedAt();
        }
        return Instant.MAX;
    }
}
