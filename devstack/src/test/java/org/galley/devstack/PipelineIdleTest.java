package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PipelineIdleTest {

    private static final TopicPartition ACCEPTED_0 = new TopicPartition("articles.accepted", 0);
    private static final TopicPartition ACCEPTED_1 = new TopicPartition("articles.accepted", 1);

    @Test
    void aReaderAtTheEndHasReadEverything() {
        assertThat(PipelineIdle.readToEnd(7, 7)).isTrue();
        assertThat(PipelineIdle.readToEnd(0, 0)).isTrue();
    }

    @Test
    void aReaderOneShortOfTheEndHasReadEverythingButTheLastTransactionsCommitMarker() {
        assertThat(PipelineIdle.readToEnd(6, 7)).isTrue();
    }

    @Test
    void aReaderTwoShortOfTheEndHasARecordLeftToRead() {
        assertThat(PipelineIdle.readToEnd(5, 7)).isFalse();
    }

    @Test
    void aPartitionWithOneOffsetHoldsARecordNotAMarkerSoNothingCommittedIsBehind() {
        assertThat(PipelineIdle.readToEnd(0, 1)).isFalse();
    }

    @Test
    void thePipelineHasCaughtUpOnlyWhenEveryReaderHasReadEveryPartitionToTheEnd() {
        Map<TopicPartition, Long> ends = Map.of(ACCEPTED_0, 10L, ACCEPTED_1, 4L);

        PipelineIdle.Look idle = new PipelineIdle.Look(Map.of(
                "galley-enrich", Map.of(ACCEPTED_0, 9L, ACCEPTED_1, 4L),
                "galley-ingest", Map.of(ACCEPTED_0, 10L, ACCEPTED_1, 3L)), ends);
        PipelineIdle.Look busy = new PipelineIdle.Look(Map.of(
                "galley-enrich", Map.of(ACCEPTED_0, 9L, ACCEPTED_1, 2L),
                "galley-ingest", Map.of(ACCEPTED_0, 10L, ACCEPTED_1, 3L)), ends);

        assertThat(idle.caughtUp()).isTrue();
        assertThat(busy.caughtUp()).isFalse();
        assertThat(busy.behind()).containsExactly("galley-enrich articles.accepted-1 at 2 of 4");
    }
}
