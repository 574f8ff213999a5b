package org.galley.site;

import java.util.List;

/**
 * The last thing that became of a story, as the site saw it: published, taken down, or rejected with reasons.
 * An event the site itself could not apply is reported as rejected, with one reason that begins
 * {@value #SITE_REASON_PREFIX} (the local stack's report has no other kind for it yet).
 */
public record Outcome(Kind kind, String articleId, Long revision, String path, List<String> reasons) {

    public static final String SITE_REASON_PREFIX = "site: ";

    public enum Kind { PUBLISHED, UNPUBLISHED, REJECTED }

    /** An event of {@code articleId} the site could not apply, and why. */
    public static Outcome failedOnSite(String articleId, Long revision, String reason) {
        return new Outcome(Kind.REJECTED, articleId, revision, null, List.of(SITE_REASON_PREFIX + reason));
    }

    /** Whether the site, not ingest, refused it. */
    public boolean failedOnSite() {
        return kind == Kind.REJECTED && reasons.size() == 1 && reasons.get(0).startsWith(SITE_REASON_PREFIX);
    }
}
