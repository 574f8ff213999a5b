package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff between retries: exponential, capped, with at most half of each wait left to chance. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void waitsDoubleFromTheInitialWaitUpToTheCap() {
        assertThat(policy.wait(1, 0.999)).isEqualTo(Duration.ofMillis(99));
        assertThat(policy.wait(2, 0.999)).isEqualTo(Duration.ofMillis(199));
        assertThat(policy.wait(3, 0.999)).isEqualTo(Duration.ofMillis(399));
        assertThat(policy.wait(10, 0.999)).isEqualTo(Duration.ofMillis(4997));
        assertThat(policy.wait(1_000, 0.999)).isEqualTo(Duration.ofMillis(4997));
    }

    @Test
    void jitterVariesOnlyTheUpperHalfOfEachWait() {
        assertThat(policy.wait(3, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.wait(3, 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.wait(10, 0.0)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void defaultBudgetIsAMinuteWellInsideKafkasPollInterval() {
        assertThat(RetryPolicy.DEFAULT.timeout()).isEqualTo(Duration.ofSeconds(60)).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
