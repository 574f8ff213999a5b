package org.galley.ingest.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;

/**
 * A message from {@code articles.submitted} after validation: the submission (null when the message had
 * none) and every problem found with it, including a Kafka key that does not name the article.
 */
public record CheckedSubmission(ArticleSubmitted submission, List<RejectionReason> reasons) {

    public CheckedSubmission {
        reasons = List.copyOf(reasons);
    }

    /**
     * Validates one message.
     *
     * @param key the Kafka key, which must equal the article id so every revision of a story keeps its order
     */
    public static CheckedSubmission check(String key, ArticleSubmitted submission, SubmissionValidator validator) {
        if (submission == null) {
            return new CheckedSubmission(null, List.of(new RejectionReason("payload", ReasonCodes.REQUIRED,
                    "The message has no submission (an empty value); send an ArticleSubmitted.")));
        }
        List<RejectionReason> reasons = new ArrayList<>(validator.validate(submission));
        String articleId = submission.getArticleId();
        if (articleId != null && !articleId.isBlank() && !articleId.equals(key)) {
            // Both are quoted with their uncarriable characters named, so the reason itself can be shown anywhere.
            String id = TextCharacters.visible(articleId);
            reasons.add(new RejectionReason("articleId", ReasonCodes.KEY_MISMATCH, key == null
                    ? "The message has no key; key it by the article id '" + id
                            + "' so every revision of the story stays in order."
                    : "The message key '" + TextCharacters.visible(key) + "' differs from the article id '" + id
                            + "'; key it by the article id so every revision of the story stays in order."));
        }
        return new CheckedSubmission(submission, reasons);
    }

    public boolean isValid() {
        return reasons.isEmpty();
    }

    /** The key a rejection goes out with: the article id when the submission names one, else the message key. */
    public String rejectionKey(String messageKey) {
        if (submission != null && submission.getArticleId() != null && !submission.getArticleId().isBlank()) {
            return submission.getArticleId();
        }
        return messageKey;
    }

    /** The rejection to publish, carrying every reason and the original submission. */
    public ArticleRejected toRejection(String messageKey, Instant rejectedAt) {
        return ArticleRejected.newBuilder()
                .setArticleId(rejectionKey(messageKey))
                .setRevision(submission == null ? null : submission.getRevision())
                .setSource(submission == null ? null : submission.getSource())
                .setReasons(reasons)
                .setRejectedAt(rejectedAt)
                .setSubmission(submission)
                .setOriginalPayload(null)
                .build();
    }
}
