package org.galley.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.IsolationLevel;
import org.galley.localkafka.TestKafka.Backend;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> fail("Docker should not have been asked about");

    @Test
    void startGivesAClusterThatCarriesRecords() throws Exception {
        try (KafkaCluster kafka = TestKafka.start()) {
            Records.createTopic(kafka, new NewTopic("wire", 1, (short) 1));
            Records.send(kafka, "wire", "w-1", "Storm warning");

            assertThat(Records.values(Records.read(kafka, "wire", IsolationLevel.READ_COMMITTED, 1)))
                    .containsExactly("Storm warning");
        }
    }

    @Test
    void withoutDockerTheInProcessBrokerIsChosen() {
        assertThat(TestKafka.choose(null, true, () -> false)).isEqualTo(Backend.IN_PROCESS);
    }

    @Test
    void withDockerTheContainerIsChosen() {
        assertThat(TestKafka.choose(null, true, () -> true)).isEqualTo(Backend.DOCKER);
    }

    @Test
    void withoutTestcontainersDockerIsNotEvenAskedAbout() {
        assertThat(TestKafka.choose(null, false, NOT_TO_BE_ASKED)).isEqualTo(Backend.IN_PROCESS);
    }

    @Test
    void environmentCanForceTheInProcessBroker() {
        assertThat(TestKafka.choose("InProcess", true, NOT_TO_BE_ASKED)).isEqualTo(Backend.IN_PROCESS);
    }

    @Test
    void environmentCanForceDocker() {
        assertThat(TestKafka.choose("docker", true, NOT_TO_BE_ASKED)).isEqualTo(Backend.DOCKER);
    }

    @Test
    void forcingDockerWithoutTestcontainersFailsClearly() {
        assertThatThrownBy(() -> TestKafka.choose("docker", false, NOT_TO_BE_ASKED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testcontainers-kafka");
    }

    @Test
    void unknownChoiceIsRejected() {
        assertThatThrownBy(() -> TestKafka.choose("podman", true, NOT_TO_BE_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("podman");
    }
}
