package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutOptionsTheFullRunIsTenThousandStoriesAndAMinuteOfLatencyAtFiftyPerSecond() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options).isEqualTo(new BenchOptions(false, 10_000, 50, 60, Path.of("target", "bench")));
        assertThat(options.latencyStories()).isEqualTo(3_000);
    }

    @Test
    void quickShortensTheDefaultsButAGivenNumberWins() {
        assertThat(BenchOptions.parse("--quick")).isEqualTo(new BenchOptions(true, 2_000, 50, 20, Path.of("target", "bench")));
        assertThat(BenchOptions.parse("--quick", "--stories", "500", "--seconds", "5", "--rate", "10", "--out", "/tmp/b"))
                .isEqualTo(new BenchOptions(true, 500, 10, 5, Path.of("/tmp/b")));
    }

    @Test
    void numbersMayBeWrittenWithGroupingSeparators() {
        assertThat(BenchOptions.parse("--stories", "10,000").stories()).isEqualTo(10_000);
        assertThat(BenchOptions.parse("--stories", "20_000").stories()).isEqualTo(20_000);
    }

    @Test
    void anUnknownOptionAMissingValueOrANonsenseNumberIsAnErrorNamingIt() {
        assertThatThrownBy(() -> BenchOptions.parse("--storys", "5")).hasMessageContaining("--storys");
        assertThatThrownBy(() -> BenchOptions.parse("--rate")).hasMessage("--rate needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--seconds", "soon")).hasMessageContaining("--seconds must be a whole number");
        assertThatThrownBy(() -> BenchOptions.parse("--stories", "0")).hasMessageContaining("--stories must be at least 1");
    }

    @Test
    void helpIsAskedForAnywhereOnTheLine() {
        assertThat(BenchOptions.wantsHelp("--quick", "--help")).isTrue();
        assertThat(BenchOptions.wantsHelp("-h")).isTrue();
        assertThat(BenchOptions.wantsHelp("--quick")).isFalse();
    }
}
