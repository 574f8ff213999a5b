package org.galley.runtime.errors;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Galley's two kinds of failure (docs/operations.md): RETRIABLE when a {@link RetriableException} (registry or
 * broker unavailable) is the error or any of its causes, so the record must be read again later and never
 * skipped; POISON otherwise, so the record goes to the dead-letter topic and the stage goes on.
 */
public final class Failures {

    private Failures() {
    }

    /** Whether {@code error} or anything in its cause chain is a {@link RetriableException}. */
    public static boolean isRetriable(Throwable error) {
        return causedBy(error, RetriableException.class);
    }

    /** Whether {@code error} or anything in its cause chain is a {@code type}. */
    public static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        // A cause chain can loop (a cause set to an ancestor); each exception is looked at once.
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = error; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, which names the actual fault better than the wrappers around it. */
    public static Throwable rootCause(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable root = error;
        for (Throwable cause = error; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            root = cause;
        }
        return root;
    }
}
