package org.galley.ingest.revision;

/**
 * Which revisions of a story go on: each article id moves only forward. A revision already accepted is a
 * duplicate (a tool retried, or a producer resent after a timeout); a lower one is stale (an old copy replayed
 * or sent out of order) and must never overwrite the newer story. Pure: the caller keeps the newest revision.
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
}
