package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatesTest {

    private static final long SECOND = 1_000_000_000L;

    /** {@code count} arrivals, the first 1,000 one per millisecond from the start, the rest one per 2 ms. */
    private static long[] slowingDown(int count) {
        long[] arrivals = new long[count];
        long time = 0;
        for (int i = 0; i < count; i++) {
            time += i < 1_000 ? SECOND / 1_000 : SECOND / 500;
            arrivals[i] = time;
        }
        return arrivals;
    }

    @Test
    void theFirstThousandCountFromTheFirstSendAndTheLastThousandFromTheArrivalBeforeThem() {
        long[] arrivals = slowingDown(3_000);

        assertThat(Rates.first(0, arrivals)).isCloseTo(1_000, within(1e-6));
        assertThat(Rates.last(0, arrivals)).isCloseTo(500, within(1e-6));
        assertThat(Rates.overall(0, arrivals)).isCloseTo(3_000 / 5.0, within(1e-6));
    }

    @Test
    void eachWholeThousandGetsItsOwnRateAndAPartialLastOneIsLeftOut() {
        assertThat(Rates.perWindow(0, slowingDown(3_500))).containsExactly(1_000.0, 500.0, 500.0);
    }

    @Test
    void arrivalsMayBeGivenInAnyOrder() {
        long[] arrivals = slowingDown(2_000);
        long[] reversed = new long[arrivals.length];
        for (int i = 0; i < arrivals.length; i++) {
            reversed[i] = arrivals[arrivals.length - 1 - i];
        }

        assertThat(Rates.perWindow(0, reversed)).isEqualTo(Rates.perWindow(0, arrivals));
        assertThat(Rates.last(0, reversed)).isEqualTo(Rates.last(0, arrivals));
    }

    @Test
    void withFewerThanAThousandTheFirstAndLastAreTheWholeRun() {
        long[] arrivals = {SECOND / 4, SECOND / 2};

        assertThat(Rates.first(0, arrivals)).isEqualTo(4.0);
        assertThat(Rates.last(0, arrivals)).isEqualTo(4.0);
        assertThat(Rates.perWindow(0, arrivals)).isEmpty();
    }
}
