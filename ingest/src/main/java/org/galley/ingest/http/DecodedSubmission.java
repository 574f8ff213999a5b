package org.galley.ingest.http;

import java.util.List;

import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;

/**
 * A request body read into a submission ready to validate (with warnings about anything ignored), or the
 * problems that stopped it: either the request cannot be read at all (answered 400, nothing recorded), or it
 * carries a story file that is not a readable story (answered 422 and recorded as a rejection).
 */
record DecodedSubmission(ArticleSubmitted submission, List<String> warnings, List<RejectionReason> problems,
                         boolean unreadableStory) {

    DecodedSubmission {
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    static DecodedSubmission read(ArticleSubmitted submission, List<String> warnings) {
        return new DecodedSubmission(submission, warnings, List.of(), false);
    }

    /** A request the API cannot read: malformed JSON, no article id, a value of the wrong kind. */
    static DecodedSubmission refused(List<RejectionReason> problems) {
        return new DecodedSubmission(null, List.of(), problems, false);
    }

    /** A well-formed request whose story file cannot be read: broken YAML, not UTF-8, no front matter. */
    static DecodedSubmission unreadableStory(List<RejectionReason> problems) {
        return new DecodedSubmission(null, List.of(), problems, true);
    }

    boolean isRead() {
        return submission != null;
    }
}
