package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ReplaceBackoffTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final ReplaceBackoff backoff = new ReplaceBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

    @Test
    void aFirstFailureIsReplacedAtOnceAndEachRepeatOfTheSameErrorWaitsTwiceAsLongUpToTheLongest() {
        StreamsException error = new StreamsException("task failed", new RecordTooLargeException("too big"));

        assertThat(backoff.onFailure(error, T0)).isZero();
        assertThat(backoff.onFailure(error, T0.plusSeconds(1))).hasSeconds(1);
        assertThat(backoff.onFailure(error, T0.plusSeconds(2))).hasSeconds(2);
        assertThat(backoff.onFailure(error, T0.plusSeconds(4))).hasSeconds(4);
        for (int i = 0; i < 100; i++) {
            backoff.onFailure(error, T0.plusSeconds(5 + i));
        }
        assertThat(backoff.onFailure(error, T0.plusSeconds(200))).hasSeconds(60);
    }

    @Test
    void theSameRootCauseInADifferentWrapperCountsAsTheSameError() {
        backoff.onFailure(new StreamsException("a", new RecordTooLargeException("too big")), T0);

        assertThat(backoff.onFailure(new RuntimeException("b", new RecordTooLargeException("too big")), T0.plusSeconds(1))).hasSeconds(1);
    }

    @Test
    void aDifferentErrorOrAQuietSpellStartsAgainFromNothing() {
        RuntimeException error = new IllegalStateException("broken");
        backoff.onFailure(error, T0);
        backoff.onFailure(error, T0.plusSeconds(1));

        assertThat(backoff.onFailure(new IllegalStateException("other"), T0.plusSeconds(2))).isZero();
        assertThat(backoff.onFailure(error, T0.plusSeconds(3))).isZero();
        assertThat(backoff.onFailure(error, T0.plusSeconds(3).plus(Duration.ofMinutes(6)))).isZero();
    }
}
