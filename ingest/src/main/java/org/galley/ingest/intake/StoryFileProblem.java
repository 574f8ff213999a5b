package org.galley.ingest.intake;

import java.util.List;

import org.galley.events.RejectionReason;

/** Why a story file cannot be read at all; stays inside this package, callers get a result instead. */
final class StoryFileProblem extends Exception {

    private final transient List<RejectionReason> reasons;

    StoryFileProblem(RejectionReason reason) {
        this(List.of(reason));
    }

    StoryFileProblem(List<RejectionReason> reasons) {
        super(reasons.get(0).getMessage(), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    List<RejectionReason> reasons() {
        return reasons;
    }
}
