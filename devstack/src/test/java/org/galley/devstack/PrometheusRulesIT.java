package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * ops/prometheus/galley-rules.yml must load in Prometheus and its alerts must fire when, and only when, they
 * should: {@code promtool check rules} validates it and {@code promtool test rules} runs its unit tests on
 * synthetic series (galley-rules-test.yml). promtool comes with Debian's {@code prometheus} package, which
 * {@code .ci/run} installs; elsewhere the test is skipped, saying why.
 */
class PrometheusRulesIT {

    private static final String RULES = "ops/prometheus/galley-rules.yml";
    private static final String RULE_TESTS = "ops/prometheus/galley-rules-test.yml";

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian's prometheus package; .ci/run installs it)");

        String output = run(List.of("promtool", "check", "rules", RULES));

        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresOnItsSyntheticSeriesAndStaysQuietOnHealthyOnes() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian's prometheus package; .ci/run installs it)");

        String output = run(List.of("promtool", "test", "rules", RULE_TESTS));

        assertThat(output).contains("SUCCESS");
    }

    /** Runs {@code command} from the repository root; its output, once it has exited 0. */
    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
