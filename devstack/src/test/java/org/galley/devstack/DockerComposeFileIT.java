package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml must stay valid although no Docker engine runs here: {@code docker-compose config}
 * checks it without one. {@code .ci/run} installs docker-compose; elsewhere the test is skipped, saying why.
 */
class DockerComposeFileIT {

    @Test
    void dockerComposeAcceptsTheComposeFile() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");

        ProcessBuilder config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .redirectErrorStream(true);
        config.environment().put("GALLEY_INGEST_TOKEN", "a-token");
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("kafka:", "schema-registry:", "ingest:", "enrich:", "render:", "site:");
        assertThat(output).as("Kafka and the registry on loopback only")
                .contains("127.0.0.1:9092:9092", "127.0.0.1:8081:8081");
        assertThat(output).as("the public subjects held to FULL_TRANSITIVE before any stage starts")
                .contains(PublicContracts.LEVEL, "service_completed_successfully")
                .contains(PublicContracts.subjects(Topics.fromConfig(new ServiceConfig(Map.of()))));
    }

    @Test
    void composeRefusesToStartIngestWithoutAToken() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");

        ProcessBuilder config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "--services")
                .redirectErrorStream(true);
        config.environment().remove("GALLEY_INGEST_TOKEN");
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("set GALLEY_INGEST_TOKEN");
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
