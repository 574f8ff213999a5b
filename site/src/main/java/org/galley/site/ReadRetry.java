package org.galley.site;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.common.errors.RetriableException;

/**
 * How the site reader treats a failure (docs/site.md, "Events the site cannot apply"): RETRIABLE when a
 * {@link RetriableException} (the registry or the broker unavailable) is the error or one of its causes, so the
 * record is read again after a pause and never skipped; anything else is the record's own fault, so it is recorded
 * and skipped. Pauses grow from one second, doubling, to thirty.
 */
final class ReadRetry {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private ReadRetry() {
    }

    /** Whether {@code error} or anything in its cause chain is a {@link RetriableException}. */
    static boolean isRetriable(Throwable error) {
        // A cause chain can loop; each exception is looked at once.
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = error; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** The pause before the {@code attempt}th try again (from 1): 1 s, 2 s, 4 s, ... at most 30 s. */
    static Duration delay(int attempt) {
        if (attempt <= 1) {
            return FIRST;
        }
        int doublings = Math.min(attempt - 1, 5);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
