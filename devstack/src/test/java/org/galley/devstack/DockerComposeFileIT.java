package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.galley.ingest.IngestSettings;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docker-compose.yml must stay valid although no Docker engine runs here: {@code docker-compose config}
 * checks it without one, and its resolved output (anchors merged, defaults filled in) is read as YAML to check
 * that {@code docker-compose up --scale ingest=2 --scale enrich=3 --scale render=2} can work. {@code .ci/run}
 * installs docker-compose; elsewhere those tests are skipped, saying why. The Dockerfiles are checked as text.
 */
class DockerComposeFileIT {

    private static final List<String> SCALED = List.of("ingest", "enrich", "render");
    private static final List<String> STAGES = List.of("ingest", "enrich", "render", "site");
    /**
     * The longest a stage takes to close: Kafka Streams' close timeout in StreamsService (30 s), and for ingest
     * also its submission producer's (10 s, KafkaSubmissionSink).
     */
    private static final Duration LONGEST_CLOSE = Duration.ofSeconds(30 + 10);

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

    @Test
    void everyReplicaOfAScaledStageKeepsItsStateInItsOwnVolume() throws Exception {
        Map<String, Object> compose = resolvedComposeFile();

        for (String stage : SCALED) {
            Map<String, Object> service = service(compose, stage);
            String stateDir = (String) map(service.get("environment")).get("GALLEY_STATE_DIR");
            assertThat(stateDir).as(stage + "'s GALLEY_STATE_DIR").isNotBlank();
            // A bare container path is an anonymous volume: Docker makes a new one for every container.
            assertThat(list(service.get("volumes"))).as(stage + "'s volumes")
                    .containsExactly(stateDir);
        }
        assertThat(map(compose.get("volumes"))).as("no named volume holds a stage's state")
                .containsOnlyKeys("kafka-data", "site-pages");
    }

    @Test
    void scaledStagesPublishNoHostPortAndIngestIsReachedThroughTheProxy() throws Exception {
        Map<String, Object> compose = resolvedComposeFile();

        for (String stage : SCALED) {
            assertThat(service(compose, stage)).as(stage + " publishes no host port").doesNotContainKey("ports");
        }
        assertThat(publishedPorts(service(compose, "ingest-proxy"))).containsExactly("8082");
        assertThat(list(service(compose, "ingest").get("expose"))).containsExactly(
                String.valueOf(IngestSettings.DEFAULT_PORT));
        String proxy = Files.readString(Path.of("deploy/compose/ingest-proxy.conf"));
        assertThat(proxy).as("the proxy asks Docker's DNS again, so replicas added later get requests")
                .contains("resolver 127.0.0.11", "set $ingest http://ingest:" + IngestSettings.DEFAULT_PORT + ";",
                        "proxy_pass $ingest;");
    }

    @Test
    void ingestAdvertisesTheContainersHostnameToItsPeers() throws Exception {
        Map<String, Object> environment = map(service(resolvedComposeFile(), "ingest").get("environment"));

        // Unset, the advertised URL is HOSTNAME:port (IngestSettings), as long as the door is not on loopback.
        assertThat(environment).doesNotContainKey("GALLEY_INGEST_ADVERTISED_URL");
        assertThat(IngestSettings.fromConfig(new ServiceConfig(Map.of("HOSTNAME", "c0ffee", "GALLEY_INGEST_TOKEN",
                "t", "GALLEY_INGEST_HOST", environment.getOrDefault("GALLEY_INGEST_HOST", IngestSettings.DEFAULT_HOST)
                        .toString()))).applicationServer())
                .isEqualTo("c0ffee:" + IngestSettings.DEFAULT_PORT);
    }

    @Test
    void everyStageRestartsUnlessStoppedAndIsGivenLongerToStopThanItTakesToClose() throws Exception {
        Map<String, Object> compose = resolvedComposeFile();

        for (String stage : STAGES) {
            Map<String, Object> service = service(compose, stage);
            assertThat(service.get("restart")).as(stage).isEqualTo("unless-stopped");
            assertThat(duration((String) service.get("stop_grace_period"))).as(stage + "'s stop_grace_period")
                    .isGreaterThan(LONGEST_CLOSE);
        }
        for (String server : List.of("kafka", "schema-registry", "ingest-proxy")) {
            assertThat(service(compose, server).get("restart")).as(server).isEqualTo("unless-stopped");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "render", "site"})
    void everyImageRunsAsANumericNonRootUserWhoOwnsItsDataFolder(String stage) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(stage, "Dockerfile"));
        List<String> users = lines.stream().filter(line -> line.startsWith("USER ")).toList();

        assertThat(users).as("the image's USER").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).strip();
        // Numeric, so Kubernetes' runAsNonRoot can verify it without the image's /etc/passwd.
        assertThat(user).matches("[1-9][0-9]*(:[0-9]+)?");
        String dataDir = stage.equals("site") ? "/srv/site" : "/var/lib/galley/state";
        assertThat(String.join("\n", lines)).as("the folder a volume mounts is the user's")
                .contains("mkdir -p " + dataDir + " && chown galley:galley " + dataDir)
                .contains("--uid " + user.split(":")[0]);
    }

    private static Map<String, Object> resolved;

    /** {@code docker-compose config}'s output, read once: each run takes seconds. */
    private static synchronized Map<String, Object> resolvedComposeFile() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        if (resolved != null) {
            return resolved;
        }
        ProcessBuilder config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        config.environment().put("GALLEY_INGEST_TOKEN", "a-token");
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        resolved = map(new Load(LoadSettings.builder().build()).loadFromString(output));
        return resolved;
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    /** Host ports, whether compose wrote the short form ({@code ip:host:container/tcp}) or the long one. */
    private static List<String> publishedPorts(Map<String, Object> service) {
        return list(service.get("ports")).stream().map(port -> port instanceof Map<?, ?> entry
                ? String.valueOf(entry.get("published"))
                : port.toString().replaceFirst("/\\w+$", "").replaceFirst(":[^:]*$", "").replaceFirst("^.*:", ""))
                .toList();
    }

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?");

    /** A compose duration as these files write it: {@code 60s}, {@code 1m}, {@code 1m30s}. */
    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text == null ? "" : text);
        assertThat(text).as("a duration like 60s or 1m30s").isNotBlank().matches(DURATION);
        matcher.matches();
        long minutes = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long seconds = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
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
