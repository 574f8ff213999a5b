package org.galley.ingest.http;

import java.util.List;

import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;

/**
 * A request body read into a submission ready to send (with warnings about anything ignored), or the problems
 * that stopped it, answered with 400 before anything is sent.
 */
record DecodedSubmission(ArticleSubmitted submission, List<String> warnings, List<RejectionReason> problems) {

    DecodedSubmission {
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    static DecodedSubmission read(ArticleSubmitted submission, List<String> warnings) {
        return new DecodedSubmission(submission, warnings, List.of());
    }

    static DecodedSubmission refused(List<RejectionReason> problems) {
        return new DecodedSubmission(null, List.of(), problems);
    }

    boolean isRead() {
        return submission != null;
    }
}
