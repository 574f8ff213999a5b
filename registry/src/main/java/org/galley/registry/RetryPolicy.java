package org.galley.registry;

import java.time.Duration;

/**
 * How long the HTTP client keeps retrying a registry that cannot answer, and how long it waits between
 * tries: exponential backoff from {@code initialWait}, capped at {@code maxWait}, with jitter so that many
 * stream threads losing the registry together do not come back in lockstep.
 *
 * @param timeout the whole time budget for one call; after it the call throws {@link RegistryUnavailableException}
 */
record RetryPolicy(Duration timeout, Duration initialWait, Duration maxWait) {

    /** A minute: long enough to ride out a registry restart, well inside Kafka's 5 min max.poll.interval.ms. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_INITIAL_WAIT = Duration.ofMillis(100);
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_TIMEOUT, DEFAULT_INITIAL_WAIT, DEFAULT_MAX_WAIT);

    RetryPolicy {
        if (timeout.isNegative() || initialWait.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("Retry durations cannot be negative");
        }
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first retry): half of the capped exponential
     * step for sure, the other half scaled by {@code random} in [0, 1) ("equal jitter"), so waits still grow.
     */
    Duration wait(int attempt, double random) {
        long initial = Math.max(1, initialWait.toMillis());
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long step = Math.min(maxWait.toMillis(), initial << doublings);
        long half = step / 2;
        return Duration.ofMillis(half + (long) (random * (step - half)));
    }
}
