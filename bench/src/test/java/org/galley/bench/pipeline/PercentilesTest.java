package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static double[] oneToHundred() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[99 - i] = i + 1;
        }
        return values;
    }

    @Test
    void aPercentileIsTheValueAtTheNearestRankNeverAnInterpolation() {
        assertThat(Percentiles.of(oneToHundred())).isEqualTo(new Percentiles(50, 95, 99, 100, 100));
    }

    @Test
    void theRankRoundsUpSoAFewValuesGiveTheirLargestForTheHighPercentiles() {
        Percentiles few = Percentiles.of(new double[] {30, 10, 20});

        assertThat(few.p50()).isEqualTo(20);
        assertThat(few.p95()).isEqualTo(30);
        assertThat(few.p99()).isEqualTo(30);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentiles.of(new double[] {42})).isEqualTo(new Percentiles(42, 42, 42, 42, 1));
    }

    @Test
    void noValuesHaveNoPercentiles() {
        assertThatThrownBy(() -> Percentiles.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
