package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ReadRetryTest {

    @Test
    void aRetriableExceptionAnywhereInTheCauseChainMeansReadAgain() {
        assertThat(ReadRetry.isRetriable(new TimeoutException("registry"))).isTrue();
        assertThat(ReadRetry.isRetriable(new SerializationException("wrapped",
                new IllegalStateException("again", new RetriableException("down") { })))).isTrue();
    }

    @Test
    void anyOtherFailureIsTheRecordsOwn() {
        assertThat(ReadRetry.isRetriable(new SerializationException("Unknown magic byte!"))).isFalse();
        assertThat(ReadRetry.isRetriable(new IllegalArgumentException("bad path"))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEndsTheSearch() {
        IllegalStateException outer = new IllegalStateException("outer");
        IllegalArgumentException inner = new IllegalArgumentException("inner", outer);
        outer.initCause(inner);
        assertThat(ReadRetry.isRetriable(outer)).isFalse();
    }

    @Test
    void pausesDoubleFromOneSecondToThirty() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(ReadRetry::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(ReadRetry.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }
}
