package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineShowsStoriesDoneOfAllTheRateAndTheTimeLeft() {
        String line = Progress.line(100, 2000, Duration.ofSeconds(10), 100);

        assertThat(line).contains("100/2000").contains("10.0 stories/s").contains("ETA 3m10s");
    }

    @Test
    void theBarFillsInProportionToTheStoriesDone() {
        String line = Progress.line(500, 2000, Duration.ofSeconds(10), 100);

        String bar = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
        long filled = bar.chars().filter(c -> c == '█').count();
        assertThat(bar.chars().filter(c -> c != '█' && c != '░')).isEmpty();
        assertThat(filled).isEqualTo(bar.length() / 4);
    }

    @Test
    void theLineIsExactlyAsWideAsAskedSoARedrawLeavesNothingOfTheLastOneBehind() {
        for (int width : new int[] {120, 79, 40, 20, 5}) {
            assertThat(Progress.line(7, 2000, Duration.ofSeconds(3), width)).as("width " + width).hasSize(width);
        }
    }

    @Test
    void aLineTooNarrowForTheBarKeepsTheCounts() {
        String line = Progress.line(7, 20, Duration.ofSeconds(7), 36);

        assertThat(line).doesNotContain("[").startsWith("7/20  1.0 stories/s  ETA 13s");
    }

    @Test
    void beforeAnyStoryIsDoneTheRateAndTimeLeftAreUnknown() {
        String line = Progress.line(0, 2000, Duration.ZERO, 80);

        assertThat(line).contains("0/2000").contains("-- stories/s").contains("ETA --").doesNotContain("█");
    }

    @Test
    void whenEveryStoryIsDoneTheBarIsFullAndNoTimeIsLeft() {
        String line = Progress.line(2000, 2000, Duration.ofSeconds(25), 80);

        assertThat(line).contains("2000/2000").contains("80.0 stories/s").contains("ETA 0s").doesNotContain("░");
    }

    @Test
    void timeLeftIsShownInSecondsMinutesOrHours() {
        assertThat(Progress.duration(42)).isEqualTo("42s");
        assertThat(Progress.duration(187)).isEqualTo("3m07s");
        assertThat(Progress.duration(3720)).isEqualTo("1h02m");
    }
}
