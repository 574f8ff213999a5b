package org.galley.site.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.galley.events.Action;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.TraceParent;
import org.galley.runtime.trace.Tracing;
import org.junit.jupiter.api.Test;

class KafkaInvalidationSinkTest {

    private static final CacheInvalidation PURGE = CacheInvalidation.newBuilder()
            .setArticleId("a1").setRevision(2L).setAction(Action.PUBLISH).setPaths(List.of("/ai/a1/")).setOccurredAt(Instant.EPOCH).build();

    @Test
    void anInvalidationIsTheSitesHopOfThePublishedEventsTraceAndNamesItsType() {
        TraceParent published = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

        ProducerRecord<String, CacheInvalidation> record = KafkaInvalidationSink.record("cache-invalidations",
                new Invalidation(PURGE, published), Tracing.none());

        TraceParent written = EventHeaders.trace(record.headers()).orElseThrow();
        assertThat(record.key()).isEqualTo("a1");
        assertThat(written.traceId()).isEqualTo(published.traceId());
        assertThat(written.spanId()).isNotEqualTo(published.spanId());
        assertThat(EventHeaders.eventType(record.headers())).contains("CacheInvalidation");
    }

    @Test
    void anInvalidationOfAnEventWithoutTraceStartsOne() {
        ProducerRecord<String, CacheInvalidation> record = KafkaInvalidationSink.record("cache-invalidations",
                new Invalidation(PURGE, null), Tracing.none());

        assertThat(EventHeaders.trace(record.headers())).isPresent();
    }
}
