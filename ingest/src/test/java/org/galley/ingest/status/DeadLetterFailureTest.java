package org.galley.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.galley.events.RejectionReason;
import org.junit.jupiter.api.Test;

class DeadLetterFailureTest {

    @Test
    void theHeadersOfADeadLetterNameStageReasonExceptionAndSourceTopic() {
        DeadLetterFailure failure = DeadLetterFailure.of(headers("render", "processing-failed",
                "java.lang.IllegalStateException", "The page is too large"));

        assertThat(failure).isEqualTo(new DeadLetterFailure("render", "processing-failed",
                "java.lang.IllegalStateException", "The page is too large", "articles.enriched"));
    }

    @Test
    void missingHeadersReadAsAnUnknownStageAndNoDetail() {
        DeadLetterFailure failure = DeadLetterFailure.of(new RecordHeaders());

        assertThat(failure).isEqualTo(new DeadLetterFailure("unknown", null, null, null, null));
        assertThat(failure.toReason().getCode()).isEqualTo("failed");
    }

    @Test
    void aStagesOwnFailureShowsTheExceptionSoTheNewsroomKnowsWhatToFix() {
        RejectionReason reason = DeadLetterFailure.of(headers("render", "processing-failed",
                "java.lang.IllegalStateException", "The page is 3 MiB, over the 1 MiB limit")).toReason();

        assertThat(reason.getField()).isEqualTo("render");
        assertThat(reason.getCode()).isEqualTo("processing-failed");
        assertThat(reason.getMessage()).startsWith("The render stage could not process the story")
                .contains("(IllegalStateException: The page is 3 MiB, over the 1 MiB limit)")
                .doesNotContain("java.lang");
    }

    @Test
    void unreadableBytesAndBrokerRefusalsNeverShowTheirInternalText() {
        String internal = "Error retrieving schema id 9 from http://registry.internal:8081";

        assertThat(DeadLetterFailure.of(headers("enrich", "unreadable", "org.apache.kafka.common.errors"
                + ".SerializationException", internal)).toReason().getMessage()).doesNotContain("registry.internal")
                .doesNotContain("SerializationException");
        assertThat(DeadLetterFailure.of(headers("render", "refused", "org.apache.kafka.common.errors"
                + ".InvalidRecordException", internal)).toReason().getMessage()).doesNotContain("registry.internal");
    }

    @Test
    void aLongOrUncarriableMessageIsShortenedAndMadeVisible() {
        String message = "\uFFFF" + "x".repeat(1000);

        String shown = DeadLetterFailure.of(headers("render", "processing-failed", "Boom", message)).toReason()
                .getMessage();

        assertThat(shown).contains("<U+FFFF>").contains("...").doesNotContain("\uFFFF").hasSizeLessThan(700);
    }

    private static RecordHeaders headers(String stage, String reason, String exception, String message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("galley-stage", stage.getBytes(StandardCharsets.UTF_8));
        headers.add("galley-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.exception", exception.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.message", message.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.topic", "articles.enriched".getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
