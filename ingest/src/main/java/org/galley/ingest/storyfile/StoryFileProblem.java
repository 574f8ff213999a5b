package org.galley.ingest.storyfile;

import org.galley.events.RejectionReason;

/** A reason a story file cannot be read at all; stays inside this package, callers get a result instead. */
final class StoryFileProblem extends Exception {

    private final transient RejectionReason reason;

    StoryFileProblem(RejectionReason reason) {
        super(reason.getMessage(), null, false, false);
        this.reason = reason;
    }

    RejectionReason reason() {
        return reason;
    }
}
