package org.galley.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The Kafka Streams look-up before the application runs; the IT queries a running one. */
class StreamsStatusLookupTest {

    @Test
    void beforeTheStreamsApplicationStartsEveryStatusIsUnavailable() {
        StreamsStatusLookup lookup = new StreamsStatusLookup(Optional::empty, "article-status",
                new HostInfo("localhost", 8082));

        assertThat(lookup.find("story")).isInstanceOf(StatusLookup.Unavailable.class);
        assertThat(lookup.findAll(List.of("one", "two"))).containsOnlyKeys("one", "two")
                .allSatisfy((articleId, result) -> assertThat(result).isInstanceOf(StatusLookup.Unavailable.class));
    }
}
