package org.galley.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to a broker's log dir when it stops: a given one is kept and reused, a temporary one goes. */
class InProcessKafkaRestartTest {

    @Test
    void brokerRestartedOnTheSameLogDirKeepsItsRecords(@TempDir Path logDir) throws Exception {
        try (InProcessKafka first = InProcessKafka.start(LoopbackPorts.free(), logDir)) {
            Records.createTopic(first, new NewTopic("archive", 1, (short) 1));
            Records.send(first, "archive", "a-1", "Front page, 1 May");
        }

        try (InProcessKafka second = InProcessKafka.start(LoopbackPorts.free(), logDir)) {
            assertThat(Records.values(Records.read(second, "archive", IsolationLevel.READ_COMMITTED, 1)))
                    .containsExactly("Front page, 1 May");
        }
    }

    @Test
    void closeDeletesTheTemporaryLogDir() {
        InProcessKafka kafka = InProcessKafka.start();
        Path logDir = kafka.logDir();
        assertThat(logDir).isDirectory();

        kafka.close();

        assertThat(Files.exists(logDir)).isFalse();
    }
}
