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

/**
 * One pipeline event reduced to what the status read model needs: the state it puts the story in, for which
 * revision, when, and the page or the reasons it carries.
 *
 * @param revision null only for a rejected payload that could not be read far enough to name one
 * @param url      the page's address, from a published or unpublished event; else null
 * @param path     the page's site-relative path, likewise
 * @param reasons  every reason, for a rejection; else empty
 */
public record StoryEvent(StoryState state, Long revision, Instant at, String url, String path,
                         List<RejectionReason> reasons) {

    public StoryEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
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
}
