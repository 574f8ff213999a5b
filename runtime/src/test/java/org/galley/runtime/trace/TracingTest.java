package org.galley.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.Test;

class TracingTest {

    private static final TraceParent INCOMING =
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    @Test
    void withoutAnEndpointNoSdkIsCreatedAndHopsStillGetNewSpans() {
        Tracing tracing = Tracing.fromConfig(new ServiceConfig(Map.of()), "galley-test");

        TraceParent hop = tracing.hop("enrich", INCOMING, "a1");

        assertThat(tracing.exports()).isFalse();
        assertThat(tracing).isSameAs(Tracing.none());
        assertThat(hop.traceId()).isEqualTo(INCOMING.traceId());
        assertThat(hop.spanId()).isNotEqualTo(INCOMING.spanId());
    }

    @Test
    void anEndpointTurnsExportingOn() {
        Tracing tracing = Tracing.fromConfig(
                new ServiceConfig(Map.of(Tracing.ENDPOINT, "http://127.0.0.1:4318")), "galley-test");

        assertThat(tracing.exports()).isTrue();
    }

    @Test
    void anExportedHopIsASpanChildOfTheIncomingOneWhoseIdTheEventCarries() {
        Collecting exporter = new Collecting();
        Tracing tracing = Tracing.exportingTo(exporter, "galley-test", false);

        TraceParent hop = tracing.hop("render", INCOMING, "a1");

        assertThat(exporter.spans).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("render");
            assertThat(span.getTraceId()).isEqualTo(INCOMING.traceId());
            assertThat(span.getParentSpanId()).isEqualTo(INCOMING.spanId());
            assertThat(span.getSpanId()).isEqualTo(hop.spanId());
            assertThat(span.getAttributes().get(Tracing.ARTICLE_ID)).isEqualTo("a1");
            assertThat(span.getResource().getAttribute(
                    io.opentelemetry.api.common.AttributeKey.stringKey("service.name"))).isEqualTo("galley-test");
        });
        assertThat(hop.traceId()).isEqualTo(INCOMING.traceId());
    }

    @Test
    void anExportedHopWithoutParentStartsATrace() {
        Collecting exporter = new Collecting();
        Tracing tracing = Tracing.exportingTo(exporter, "galley-test", false);

        TraceParent started = tracing.hop("ingest", null, "a1");

        assertThat(exporter.spans).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(started.traceId());
            assertThat(span.getParentSpanContext().isValid()).isFalse();
        });
        assertThat(started.sampled()).isTrue();
    }

    private static final class Collecting implements SpanExporter {
        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
