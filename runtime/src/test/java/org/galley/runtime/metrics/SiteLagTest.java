package org.galley.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SiteLagTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");

    private final SiteLag lag = new SiteLag(Clock.fixed(NOW, ZoneOffset.UTC));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aSiteBehindShowsTheRecordsLeftAndTheAgeOfTheLastRecordItApplied() {
        lag.bindTo(registry);

        lag.update(12, NOW.minusSeconds(90).toEpochMilli());

        assertThat(registry.get(SiteLag.RECORDS).gauge().value()).isEqualTo(12);
        assertThat(registry.get(SiteLag.SECONDS).gauge().value()).isEqualTo(90);
    }

    @Test
    void aSiteCaughtUpIsZeroSecondsBehindHoweverOldItsLastStoryIs() {
        lag.bindTo(registry);

        lag.update(0, NOW.minusSeconds(3600).toEpochMilli());

        assertThat(registry.get(SiteLag.RECORDS).gauge().value()).isZero();
        assertThat(registry.get(SiteLag.SECONDS).gauge().value()).isZero();
    }

    @Test
    void aPollThatAppliedNothingKeepsTheLastAppliedTime() {
        lag.update(5, NOW.minusSeconds(10).toEpochMilli());
        lag.update(7, -1);

        assertThat(lag.records()).isEqualTo(7);
        assertThat(lag.seconds()).isEqualTo(10);
    }
}
