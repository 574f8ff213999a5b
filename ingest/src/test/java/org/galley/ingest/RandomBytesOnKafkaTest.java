package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fuzz test of the topology: a few hundred random payloads on {@code articles.submitted} (random bytes,
 * random bytes behind a valid wire-format header, and real submissions with random bytes changed) never stop
 * it; each lands on the dead-letter topic or the rejected topic, and good stories among and after them are
 * still accepted. Seeded, so a failure can be replayed; the seed is in the failure message.
 */
class RandomBytesOnKafkaTest {

    private static final long SEED = 20260428L;
    private static final int PAYLOADS = 400;

    @TempDir
    Path stateDir;

    private IngestDriver ingest;

    @BeforeEach
    void start() {
        // At least once, because the driver discards the dead letters it writes under exactly-once.
        ingest = new IngestDriver(stateDir, "random-bytes", Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once", "GALLEY_ALLOW_UNSAFE_KAFKA_SETTINGS", "true"));
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void randomPayloadsNeverStopTheTopologyAndEachIsDeadLetteredOrRejected() {
        Random random = new Random(SEED);
        byte[] story = ingest.serialized(Stories.good("story", 1));
        int goodStories = 0;

        for (int i = 0; i < PAYLOADS; i++) {
            ingest.rawSubmitted.pipeInput("fuzz-" + i, payload(random, story));
            if (i % 50 == 49) {
                ingest.submitted.pipeInput("good-" + i, Stories.good("good-" + i, 1));
                goodStories++;
            }
        }
        ingest.submitted.pipeInput("after", Stories.good("after", 1));

        int deadLetters = ingest.deadLetter.readRecordsToList().size();
        int rejections = ingest.rejected.readRecordsToList().size();
        assertThat(deadLetters + rejections).as("seed %d: dead letters %d + rejections %d", SEED, deadLetters,
                rejections).isEqualTo(PAYLOADS);
        assertThat(deadLetters).as("some payloads were not submissions").isPositive();
        assertThat(rejections).as("some payloads were readable but invalid").isPositive();
        assertThat(ingest.accepted.readKeyValuesToList()).extracting(kv -> kv.key)
                .hasSize(goodStories + 1).endsWith("after");
    }

    private static byte[] payload(Random random, byte[] story) {
        switch (random.nextInt(4)) {
            case 0:
                return randomBytes(random, random.nextInt(300));
            case 1: {
                byte[] header = new byte[5];
                System.arraycopy(story, 0, header, 0, 5);
                byte[] tail = randomBytes(random, random.nextInt(300));
                byte[] bytes = new byte[5 + tail.length];
                System.arraycopy(header, 0, bytes, 0, 5);
                System.arraycopy(tail, 0, bytes, 5, tail.length);
                return bytes;
            }
            case 2: {
                byte[] bytes = story.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = 5 + random.nextInt(bytes.length - 5);
                    bytes[at] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            default: {
                int length = 5 + random.nextInt(story.length - 5);
                byte[] truncated = new byte[length];
                System.arraycopy(story, 0, truncated, 0, length);
                return truncated;
            }
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
