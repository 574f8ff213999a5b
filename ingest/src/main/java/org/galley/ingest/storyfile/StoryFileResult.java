package org.galley.ingest.storyfile;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;

/**
 * What reading one story file gave: a submission ready to send (with warnings about anything ignored), or
 * the reasons it could not be read. A story file never makes its reader throw.
 */
public sealed interface StoryFileResult permits StoryFileResult.Parsed, StoryFileResult.Failed {

    /** The file's name as given to the parser, used in every message. */
    String fileName();

    /**
     * A story file read into a submission. The submission still goes through the full validation in ingest's
     * topology; reading only checks that the file is well-formed.
     *
     * @param warnings what was ignored, e.g. an unknown front matter key, each naming file and line
     */
    record Parsed(String fileName, ArticleSubmitted submission, List<String> warnings) implements StoryFileResult {
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A file that could not be read, with every problem found; each message names the file and the line.
     * Callers turn this into a rejection (an ArticleRejected, a 400 response, a CLI error), never a crash.
     */
    record Failed(String fileName, List<RejectionReason> reasons) implements StoryFileResult {
        public Failed {
            reasons = List.copyOf(reasons);
        }

        /**
         * The failure as an event for {@code articles.rejected}, for a caller that reports rejections there.
         *
         * @param articleId the story's id if the caller knows one (e.g. from the file name), else null
         * @param content   the file's bytes, kept as the original payload so nothing is lost
         */
        public ArticleRejected toRejection(String articleId, String source, byte[] content, Instant rejectedAt) {
            return ArticleRejected.newBuilder()
                    .setArticleId(articleId)
                    .setRevision(null)
                    .setSource(source)
                    .setReasons(reasons)
                    .setRejectedAt(rejectedAt)
                    .setSubmission(null)
                    .setOriginalPayload(content == null ? null : ByteBuffer.wrap(content))
                    .build();
        }
    }
}
