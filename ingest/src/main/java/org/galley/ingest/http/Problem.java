package org.galley.ingest.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.galley.events.RejectionReason;

/**
 * An RFC 9457 problem document, answered as {@code application/problem+json}: the status, a sentence saying
 * what to do, and the extension members {@code errors} (one entry per field at fault) and, when the problem
 * is about a known story, {@code articleId} and {@code statusUrl}; a revision conflict (409) also names
 * {@code acceptedRevision}, the newest revision accepted for the story. A failure inside ingest or Kafka (500, 503)
 * carries no internal text, only {@code incident}: the id under which its cause is logged.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
               String articleId, String statusUrl, String incident, Long acceptedRevision) {

    static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault, with the same stable codes as a rejection. */
    record FieldError(String field, String code, String message) {

        static FieldError of(RejectionReason reason) {
            return new FieldError(reason.getField(), reason.getCode(), reason.getMessage());
        }
    }

    static Problem of(int status, String title, String detail, String instance) {
        return of(status, title, detail, instance, List.of());
    }

    static Problem of(int status, String title, String detail, String instance, List<RejectionReason> reasons) {
        return new Problem("about:blank", title, status, detail, instance,
                reasons.stream().map(FieldError::of).toList(), null, null, null, null);
    }

    /** The same problem, naming the story it is about and where its status can be followed. */
    Problem about(String id, String url) {
        return new Problem(type, title, status, detail, instance, errors, id, url, incident, acceptedRevision);
    }

    /** The same problem, naming the log entry that holds its cause. */
    Problem withIncident(String id) {
        return new Problem(type, title, status, detail, instance, errors, articleId, statusUrl, id, acceptedRevision);
    }

    /** The same problem, naming the newest revision accepted for its story. */
    Problem withAcceptedRevision(long revision) {
        return new Problem(type, title, status, detail, instance, errors, articleId, statusUrl, incident, revision);
    }
}
