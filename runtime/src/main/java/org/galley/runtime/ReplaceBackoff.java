package org.galley.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.galley.runtime.errors.Failures;

/**
 * How long to wait before replacing a stream thread that died. A thread that dies again and again on the same
 * error (the same class and message at the root of it) would otherwise be replaced at once, read the same
 * records, and die again, spinning a core and flooding the log: so the first replacement is immediate, and each
 * repeat of the same error waits twice as long as the last, from {@code first} up to {@code longest}. A
 * different error, or the same one after {@code quiet} without failures, starts again from nothing.
 */
final class ReplaceBackoff {

    private final Duration first;
    private final Duration longest;
    private final Duration quiet;
    private String lastError;
    private Instant lastFailure;
    private int repeats;

    ReplaceBackoff(Duration first, Duration longest, Duration quiet) {
        this.first = first;
        this.longest = longest;
        this.quiet = quiet;
    }

    /** The usual backoff: 1 s, 2 s, 4 s... up to 1 min; forgotten after 5 min without a failure. */
    static ReplaceBackoff standard() {
        return new ReplaceBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5));
    }

    /** Records a failure at {@code now} and answers how long to wait before replacing the thread. */
    synchronized Duration onFailure(Throwable error, Instant now) {
        String key = describe(error);
        boolean repeated = key.equals(lastError) && lastFailure != null
                && Duration.between(lastFailure, now).compareTo(quiet) < 0;
        repeats = repeated ? repeats + 1 : 0;
        lastError = key;
        lastFailure = now;
        if (repeats == 0) {
            return Duration.ZERO;
        }
        // Capped before shifting, so the doubling never overflows however long the error lasts.
        Duration wait = first.multipliedBy(1L << Math.min(repeats - 1, 30));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** How many times in a row the last error has repeated (0 for a first failure). */
    synchronized int repeats() {
        return repeats;
    }

    static String describe(Throwable error) {
        Throwable root = Failures.rootCause(error);
        return root.getClass().getName() + ": " + Objects.toString(root.getMessage(), "");
    }
}
