package org.galley.ingest.revision;

import java.util.Optional;

import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;

/**
 * Which revisions of a story go on. A revision is a whole number of 1 or more that the newsroom gives each change
 * of one story (a first publication, a correction, a takedown, a republication); each must be greater than the
 * newest one accepted for that story, and gaps are allowed. A revision already accepted is a duplicate (a tool
 * retried, or a producer resent after a timeout); a lower one is stale (an old copy replayed or sent out of
 * order) and must never overwrite the newer story. Pure: the caller keeps the newest revision.
 */
public final class RevisionPolicy {

    /** What to do with a revision, given the newest one accepted so far. */
    public enum Verdict {
        /** The first revision seen, or newer than any accepted: a new story, a correction, or a takedown. */
        NEWER,
        /** The newest accepted revision again. */
        DUPLICATE,
        /** Older than the newest accepted revision. */
        STALE
    }

    private RevisionPolicy() {
    }

    /**
     * @param newestAccepted the newest revision accepted for the article, or null when none was
     * @param revision       the revision submitted now
     */
    public static Verdict judge(Long newestAccepted, long revision) {
        if (newestAccepted == null || revision > newestAccepted) {
            return Verdict.NEWER;
        }
        return revision == newestAccepted ? Verdict.DUPLICATE : Verdict.STALE;
    }

    /**
     * Why the revision will not be published, naming the newest accepted revision and the next one to send;
     * empty when it goes on.
     */
    public static Optional<RejectionReason> refusal(String articleId, Long newestAccepted, long revision) {
        switch (judge(newestAccepted, revision)) {
            case DUPLICATE:
                return Optional.of(new RejectionReason("revision", ReasonCodes.DUPLICATE_REVISION, "Revision "
                        + revision + " of story '" + articleId + "' was already accepted, so the story is kept as it "
                        + "stands. Send a change as revision " + next(newestAccepted) + " or higher."));
            case STALE:
                return Optional.of(new RejectionReason("revision", ReasonCodes.STALE_REVISION, "Revision "
                        + revision + " of story '" + articleId + "' is older than revision " + newestAccepted
                        + ", already accepted, so it would undo a newer change. Send a change as revision "
                        + next(newestAccepted) + " or higher."));
            default:
                return Optional.empty();
        }
    }

    /** The revision a takedown without one takes: the next after the newest accepted. */
    public static long next(long newestAccepted) {
        return Math.addExact(newestAccepted, 1);
    }
}
