package org.galley.ingest.schedule;

import java.time.Instant;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;

/**
 * When an accepted revision may go on to enrich, and what a new revision does to one that is held. Pure.
 *
 * <p>A revision is released at the later of its {@code publishedAt} and its {@code embargoUntil}; one whose time
 * has come (or that has neither) goes through at once. While a story is held:
 * <ul>
 *   <li>a newer {@code PUBLISH} revision replaces the held one, and is itself held or released by its own time
 *       (a correction before the time, or a schedule moved earlier or later);</li>
 *   <li>an {@code UNPUBLISH} cancels the held revision. A story that never went through is then never seen
 *       downstream: the takedown is not passed on either, since a takedown of a page nobody has seen would tell
 *       every consumer of {@code articles.published} that the story exists. A story that is already live, with a
 *       scheduled correction held, is taken down as usual.</li>
 * </ul>
 */
public final class Schedule {

    private Schedule() {
    }

    /** What to do with a newly accepted revision. */
    public enum Decision {
        /** Send it on to enrich now; drop any held revision of the story. */
        RELEASE,
        /** Keep it until {@link #releaseAt}; it replaces any held revision of the story. */
        HOLD,
        /** A takedown of a story nobody has seen: drop the held revision and send nothing on. */
        CANCEL
    }

    /**
     * @param submission the accepted revision
     * @param held       whether an earlier revision of the story is held now
     * @param live       whether any revision of the story has gone through before
     */
    public static Decision decide(ArticleSubmitted submission, boolean held, boolean live, Instant now) {
        if (submission.getAction() == Action.UNPUBLISH) {
            return held && !live ? Decision.CANCEL : Decision.RELEASE;
        }
        Instant releaseAt = releaseAt(submission);
        return releaseAt != null && releaseAt.isAfter(now) ? Decision.HOLD : Decision.RELEASE;
    }

    /** The later of the revision's publication time and its embargo, or null when it has neither. */
    public static Instant releaseAt(ArticleSubmitted submission) {
        Instant published = submission.getPublishedAt();
        Instant embargo = submission.getEmbargoUntil();
        if (published == null) {
            return embargo;
        }
        return embargo == null || published.isAfter(embargo) ? published : embargo;
    }
}
