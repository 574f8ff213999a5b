package org.galley.localkafka;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Kafka for integration tests: a Testcontainers broker where Docker runs, the
 * {@link InProcessKafka} everywhere else (as on build machines). {@code GALLEY_TEST_KAFKA=inprocess}
 * or {@code =docker} forces the choice. Testcontainers is an optional dependency; without it on
 * the class path the in-process broker is used and no Testcontainers class is ever loaded.
 */
public final class TestKafka {

    static final String CHOICE_VARIABLE = "GALLEY_TEST_KAFKA";

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);

    /** The two ways to run the test broker. */
    enum Backend { IN_PROCESS, DOCKER }

    private TestKafka() {
    }

    /** Starts a broker the way {@link #choose} decides for this machine. */
    public static KafkaCluster start() {
        String forced = System.getenv(CHOICE_VARIABLE);
        boolean testcontainersPresent = testcontainersPresent();
        // A lambda, not a method reference, so DockerKafka is resolved only if Docker is asked about.
        Backend backend = choose(forced, testcontainersPresent, () -> DockerKafka.dockerAvailable());
        LOG.info("Test Kafka: {} ({}={}, Testcontainers {})", backend == Backend.DOCKER
                ? "Testcontainers" : "in-process KRaft", CHOICE_VARIABLE, forced == null ? "unset" : forced,
                testcontainersPresent ? "present" : "absent");
        if (backend == Backend.DOCKER) {
            return DockerKafka.start();
        }
        return InProcessKafka.start();
    }

    /**
     * Docker if forced or if Testcontainers is present and finds Docker; in-process otherwise.
     * Docker is asked only when the answer matters.
     */
    static Backend choose(String forced, boolean testcontainersPresent, BooleanSupplier dockerAvailable) {
        String choice = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "inprocess":
                return Backend.IN_PROCESS;
            case "docker":
                if (!testcontainersPresent) {
                    throw new IllegalStateException(CHOICE_VARIABLE + "=docker, but Testcontainers is not on the"
                            + " class path: add org.testcontainers:testcontainers-kafka as a test dependency");
                }
                return Backend.DOCKER;
            case "":
                return testcontainersPresent && dockerAvailable.getAsBoolean() ? Backend.DOCKER : Backend.IN_PROCESS;
            default:
                throw new IllegalArgumentException(CHOICE_VARIABLE + " must be 'inprocess' or 'docker', not '" + forced + "'");
        }
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, TestKafka.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
