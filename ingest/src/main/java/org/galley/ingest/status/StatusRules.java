package org.galley.ingest.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.galley.events.ArticleStatus;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;

/**
 * How a story's status moves as events arrive from the stages, which read and write different topics and so
 * may be seen out of order. A newer revision always wins. For the same revision, a later stage wins over an
 * earlier one (submitted, then accepted or rejected, then published, unpublished or failed), and the later of
 * two events of the same stage wins: so a late or repeated {@code submitted} of revision 1 never hides that
 * revision 1 is published, while a fixed story resubmitted under a rejected revision shows as accepted. A
 * rejection that names no revision (the payload could not be read) only describes a story with no status yet,
 * so it never hides a readable revision.
 *
 * <p>Two events only add to the history and leave the state as it is: a revision refused as a duplicate or as
 * stale (the story stands as it was, so a published story stays published), and a failure whose revision could
 * not be read, unless the story is still on its way (submitted or accepted). A failure of a story with no status
 * is not kept: the dead letter names no story the newsroom sent. The newest accepted revision is kept apart from
 * the state, since a rejected newer revision does not change it. A scheduled revision stands with the accepted
 * ones (its release is an acceptance of the same revision, which follows it); a cancelled one with the published.
 * Pure.
 */
public final class StatusRules {

    /** How many state changes a status remembers. */
    public static final int HISTORY = 10;

    private StatusRules() {
    }

    /**
     * The status after the event, or empty when the event changes nothing the status shows.
     *
     * @param current the story's status so far, or null when it has none
     */
    public static Optional<ArticleStatus> apply(String articleId, ArticleStatus current, StoryEvent event) {
        if (event.state() == StoryState.FAILED) {
            return failed(current, event);
        }
        if (event.state() == StoryState.PREVIEWED) {
            return Optional.of(previewed(articleId, current, event));
        }
        if (current != null && event.isRevisionRefusal()) {
            return Optional.of(noted(current, event));
        }
        Long accepted = acceptedRevision(current, event);
        if (current != null && !supersedes(event, current)) {
            return equal(accepted, current.getAcceptedRevision())
                    ? Optional.empty()
                    : Optional.of(copy(current).setAcceptedRevision(accepted).build());
        }
        return Optional.of(moved(articleId, current, event, accepted));
    }

    /**
     * The newest revision accepted for the story: the status's own, or for a status kept before it was recorded,
     * the revision of a state only an accepted revision reaches; null when none was.
     */
    public static Long newestAccepted(ArticleStatus status) {
        if (status.getAcceptedRevision() != null) {
            return status.getAcceptedRevision();
        }
        return isAcceptedState(status.getState()) ? status.getRevision() : null;
    }

    private static Optional<ArticleStatus> failed(ArticleStatus current, StoryEvent event) {
        if (current == null) {
            return Optional.empty();
        }
        if (event.revision() == null) {
            boolean onItsWay = current.getState() == StoryState.SUBMITTED || current.getState() == StoryState.ACCEPTED;
            StoryEvent ofCurrent = new StoryEvent(event.state(), current.getRevision(), event.at(), null, null,
                    event.reasons(), event.stage());
            return Optional.of(onItsWay
                    ? moved(current.getArticleId(), current, ofCurrent, current.getAcceptedRevision())
                    : noted(current, ofCurrent));
        }
        return supersedes(event, current)
                ? Optional.of(moved(current.getArticleId(), current, event, current.getAcceptedRevision()))
                : Optional.empty();
    }

    /**
     * A preview changes only the preview the status shows (its {@code url} is the preview's address); a story
     * that has nothing but previews stands as {@code PREVIEWED}, which any other event moves on from.
     */
    private static ArticleStatus previewed(String articleId, ArticleStatus current, StoryEvent event) {
        ArticleStatus.Builder status = current != null ? copy(current) : ArticleStatus.newBuilder()
                .setArticleId(articleId)
                .setState(StoryState.PREVIEWED)
                .setRevision(event.revision())
                .setUpdatedAt(event.at())
                .setReasons(List.of())
                .setHistory(history(null, event));
        return status.setPreviewUrl(event.url()).setPreviewRevision(event.revision()).setPreviewAt(event.at())
                .build();
    }

    private static ArticleStatus moved(String articleId, ArticleStatus current, StoryEvent event, Long accepted) {
        boolean published = event.state() == StoryState.PUBLISHED || event.state() == StoryState.UNPUBLISHED;
        return ArticleStatus.newBuilder()
                .setArticleId(articleId)
                .setState(event.state())
                .setRevision(event.revision())
                .setUpdatedAt(event.at())
                // A page keeps its address while a correction moves through, so the status keeps showing it.
                .setUrl(published || current == null ? event.url() : current.getUrl())
                .setPath(published || current == null ? event.path() : current.getPath())
                .setReasons(event.reasons())
                .setHistory(history(current, event))
                .setAcceptedRevision(accepted)
                .setStage(event.stage())
                .setReleaseAt(event.releaseAt())
                .setPreviewUrl(current == null ? null : current.getPreviewUrl())
                .setPreviewRevision(current == null ? null : current.getPreviewRevision())
                .setPreviewAt(current == null ? null : current.getPreviewAt())
                .build();
    }

    /** The status as it was, with the event in its history. */
    private static ArticleStatus noted(ArticleStatus current, StoryEvent event) {
        return copy(current).setHistory(history(current, event)).build();
    }

    /**
     * A builder holding every field of the status. Avro's copying builder deep-copies through reflection, which
     * its class allow-list refuses for Galley's enums; setting each field needs no copy, the values being
     * immutable here.
     */
    private static ArticleStatus.Builder copy(ArticleStatus status) {
        return ArticleStatus.newBuilder()
                .setArticleId(status.getArticleId())
                .setState(status.getState())
                .setRevision(status.getRevision())
                .setUpdatedAt(status.getUpdatedAt())
                .setUrl(status.getUrl())
                .setPath(status.getPath())
                .setReasons(status.getReasons())
                .setHistory(status.getHistory())
                .setAcceptedRevision(status.getAcceptedRevision())
                .setStage(status.getStage())
                .setReleaseAt(status.getReleaseAt())
                .setPreviewUrl(status.getPreviewUrl())
                .setPreviewRevision(status.getPreviewRevision())
                .setPreviewAt(status.getPreviewAt());
    }

    private static Long acceptedRevision(ArticleStatus current, StoryEvent event) {
        Long known = current == null ? null : newestAccepted(current);
        if (event.revision() == null || !isAcceptedState(event.state())) {
            return known;
        }
        return known == null ? event.revision() : Math.max(known, event.revision());
    }

    private static boolean isAcceptedState(StoryState state) {
        return state == StoryState.ACCEPTED || state == StoryState.SCHEDULED || state == StoryState.PUBLISHED
                || state == StoryState.UNPUBLISHED || state == StoryState.CANCELLED;
    }

    private static boolean equal(Long a, Long b) {
        return a == null ? b == null : a.equals(b);
    }

    private static boolean supersedes(StoryEvent event, ArticleStatus current) {
        if (current.getState() == StoryState.PREVIEWED) {
            return true;
        }
        if (event.revision() == null) {
            return current.getRevision() == null;
        }
        if (current.getRevision() == null || event.revision() > current.getRevision()) {
            return true;
        }
        return event.revision().equals(current.getRevision()) && stage(event.state()) >= stage(current.getState());
    }

    private static int stage(StoryState state) {
        switch (state) {
            case SUBMITTED: return 0;
            case ACCEPTED:
            case SCHEDULED:
            case REJECTED: return 1;
            default: return 2;
        }
    }

    private static List<StatusChange> history(ArticleStatus current, StoryEvent event) {
        List<StatusChange> changes = new ArrayList<>(current == null ? List.of() : current.getHistory());
        changes.add(new StatusChange(event.state(), event.revision(), event.at()));
        return List.copyOf(changes.subList(Math.max(0, changes.size() - HISTORY), changes.size()));
    }
}
