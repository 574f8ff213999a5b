package org.galley.ingest.status;

import java.time.Instant;
import java.util.List;

import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.events.StoryState;
import org.galley.ingest.validation.ReasonCodes;

/**
 * One pipeline event reduced to what the status read model needs: the state it puts the story in, for which
 * revision, when, and the page or the reasons it carries.
 *
 * @param revision null only for a rejected payload, or a dead letter, that could not be read far enough to name one
 * @param url      the page's address, from a published or unpublished event; else null
 * @param path     the page's site-relative path, likewise
 * @param reasons  every reason, for a rejection; the failure, for a failed stage; else empty
 * @param stage    the stage that failed (enrich, render...), for a failure; else null
 */
public record StoryEvent(StoryState state, Long revision, Instant at, String url, String path,
                         List<RejectionReason> reasons, String stage, Instant releaseAt) {

    public StoryEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** An event that holds nothing for later. */
    public StoryEvent(StoryState state, Long revision, Instant at, String url, String path,
                      List<RejectionReason> reasons, String stage) {
        this(state, revision, at, url, path, reasons, stage, null);
    }

    /** An event of no failed stage. */
    public StoryEvent(StoryState state, Long revision, Instant at, String url, String path,
                      List<RejectionReason> reasons) {
        this(state, revision, at, url, path, reasons, null);
    }

    public static StoryEvent submitted(ArticleSubmitted submission) {
        return new StoryEvent(StoryState.SUBMITTED, submission.getRevision(), submission.getSubmittedAt(),
                null, null, List.of());
    }

    public static StoryEvent accepted(ArticleAccepted accepted) {
        return new StoryEvent(StoryState.ACCEPTED, accepted.getSubmission().getRevision(), accepted.getAcceptedAt(),
                null, null, List.of());
    }

    public static StoryEvent rejected(ArticleRejected rejected) {
        return new StoryEvent(StoryState.REJECTED, rejected.getRevision(), rejected.getRejectedAt(),
                null, null, rejected.getReasons());
    }

    public static StoryEvent published(ArticlePublished published) {
        StoryState state = published.getAction() == Action.UNPUBLISH ? StoryState.UNPUBLISHED : StoryState.PUBLISHED;
        return new StoryEvent(state, published.getRevision(), published.getOccurredAt(),
                published.getUrl(), published.getPath(), List.of());
    }

    /** Ingest holds the revision until its time (a future publishedAt, or an embargo). */
    public static StoryEvent scheduled(ArticleSubmitted submission, Instant at, Instant releaseAt) {
        return new StoryEvent(StoryState.SCHEDULED, submission.getRevision(), at, null, null, List.of(), null,
                releaseAt);
    }

    /** A takedown arrived while the story was held: nothing of it was published, and nothing will be. */
    public static StoryEvent cancelled(ArticleSubmitted takedown, Instant at) {
        return new StoryEvent(StoryState.CANCELLED, takedown.getRevision(), at, null, null, List.of());
    }

    /** Ingest accepted a preview of the story, to be found at {@code url}; the story's state is untouched. */
    public static StoryEvent previewed(ArticleSubmitted preview, Instant at, String url) {
        return new StoryEvent(StoryState.PREVIEWED, preview.getRevision(), at, url, null, List.of());
    }

    /** A stage dead-lettered the story: it will not be published until it is sent again. */
    public static StoryEvent failed(Long revision, Instant at, String stage, RejectionReason reason) {
        return new StoryEvent(StoryState.FAILED, revision, at, null, null, List.of(reason), stage);
    }

    /** A submission refused because its revision was already accepted, or is older than one that was. */
    public boolean isRevisionRefusal() {
        return state == StoryState.REJECTED && !reasons.isEmpty() && reasons.stream().allMatch(reason ->
                reason.getCode().equals(ReasonCodes.DUPLICATE_REVISION)
                        || reason.getCode().equals(ReasonCodes.STALE_REVISION));
    }
}
