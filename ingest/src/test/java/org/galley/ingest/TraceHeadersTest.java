package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.TraceParent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest's stream is the intake for Kafka submissions: it keeps a submission's trace, or starts one. */
class TraceHeadersTest {

    private static final TraceParent TOOLS_TRACE =
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    @TempDir
    Path stateDir;

    private IngestDriver ingest;

    @BeforeEach
    void startDriver() {
        ingest = new IngestDriver(stateDir, "trace-test", Map.of());
    }

    @AfterEach
    void closeDriver() {
        ingest.close();
    }

    @Test
    void anAcceptedStoryGoesOnInTheSubmissionsTraceWithANewSpan() {
        ingest.submitted.pipeInput(traced(Stories.good("a1", 1)));

        TestRecord<String, ArticleAccepted> accepted = ingest.accepted.readRecord();
        TraceParent written = EventHeaders.trace(accepted.headers()).orElseThrow();
        assertThat(written.traceId()).isEqualTo(TOOLS_TRACE.traceId());
        assertThat(written.spanId()).isNotEqualTo(TOOLS_TRACE.spanId());
        assertThat(EventHeaders.eventType(accepted.headers())).contains("ArticleAccepted");
    }

    @Test
    void aSubmissionWithoutTraceStartsOneAtIntake() {
        ingest.submitted.pipeInput("a1", Stories.good("a1", 1));

        TestRecord<String, ArticleAccepted> accepted = ingest.accepted.readRecord();
        assertThat(EventHeaders.trace(accepted.headers())).isPresent();
    }

    @Test
    void rejectionsAndRefusedRevisionsNameTheirTypeInTheSubmissionsTrace() {
        ingest.submitted.pipeInput(traced(Stories.story("a1", 1).setHeadline("").build()));
        ingest.submitted.pipeInput(traced(Stories.good("a2", 2)));
        ingest.submitted.pipeInput(traced(Stories.good("a2", 2)));

        for (TestRecord<String, ArticleRejected> rejected : ingest.rejected.readRecordsToList()) {
            assertThat(EventHeaders.eventType(rejected.headers())).contains("ArticleRejected");
            assertThat(EventHeaders.trace(rejected.headers()).orElseThrow().traceId())
                    .isEqualTo(TOOLS_TRACE.traceId());
        }
        assertThat(ingest.accepted.readRecordsToList()).hasSize(1);
    }

    private static TestRecord<String, ArticleSubmitted> traced(ArticleSubmitted submission) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.TRACEPARENT, TOOLS_TRACE.header().getBytes(StandardCharsets.UTF_8));
        return new TestRecord<>(submission.getArticleId(), submission, headers);
    }
}
