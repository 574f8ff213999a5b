package org.galley.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String HEADER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidHeaderIsReadAndWrittenBackUnchanged() {
        TraceParent trace = TraceParent.parse(HEADER).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.sampled()).isTrue();
        assertThat(trace.header()).isEqualTo(HEADER);
    }

    @Test
    void malformedOrAllZeroHeadersAreIgnored() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01")).isEmpty();
        assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse(HEADER + "-extra")).isEmpty();
    }

    @Test
    void aLaterVersionIsReadByItsFirstFields() {
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-more"))
                .hasValueSatisfying(trace -> assertThat(trace.header())
                        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
    }

    @Test
    void aChildKeepsTheTraceAndFlagsWithANewSpan() {
        TraceParent parent = TraceParent.parse(HEADER).orElseThrow();

        TraceParent child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.flags()).isEqualTo(parent.flags());
        assertThat(child.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(parent.spanId());
    }

    @Test
    void aStartedTraceIsSampledAndValid() {
        TraceParent started = TraceParent.start();

        assertThat(TraceParent.parse(started.header())).contains(started);
        assertThat(started.sampled()).isTrue();
        assertThat(TraceParent.start().traceId()).isNotEqualTo(started.traceId());
    }
}
