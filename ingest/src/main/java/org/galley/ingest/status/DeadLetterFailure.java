package org.galley.ingest.status;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.TextCharacters;

/**
 * What a dead letter says about the failure behind it, read from its headers: Galley's {@code galley-stage}
 * (ingest, enrich, render...) and {@code galley-reason} (unreadable, processing-failed, too-large,
 * unserializable, refused), and Kafka Streams' KIP-1034 headers {@code __streams.errors.exception} (the
 * exception class), {@code __streams.errors.message} and {@code __streams.errors.topic} (the topic the failing
 * input was read from). A missing header reads as null. Pure.
 *
 * @param stage       the stage that failed, "unknown" when the header is missing
 * @param reason      Galley's short word for what went wrong, or null
 * @param exception   the exception's class name, or null
 * @param message     the exception's message, or null
 * @param sourceTopic the topic of the record that failed, or null
 */
public record DeadLetterFailure(String stage, String reason, String exception, String message, String sourceTopic) {

    public static final String STAGE_HEADER = "galley-stage";
    public static final String REASON_HEADER = "galley-reason";
    public static final String EXCEPTION_HEADER = "__streams.errors.exception";
    public static final String MESSAGE_HEADER = "__streams.errors.message";
    public static final String TOPIC_HEADER = "__streams.errors.topic";
    /** The longest part of an exception message a status shows. */
    static final int MESSAGE_LIMIT = 300;

    public static DeadLetterFailure of(Headers headers) {
        String stage = text(headers, STAGE_HEADER);
        return new DeadLetterFailure(stage == null ? "unknown" : stage, text(headers, REASON_HEADER),
                text(headers, EXCEPTION_HEADER), text(headers, MESSAGE_HEADER), text(headers, TOPIC_HEADER));
    }

    /**
     * The failure as the status shows it: the field is the stage, the code Galley's reason ("failed" when none
     * is given), the message a sentence saying what to do. The exception's message is shown only when the
     * stage's own code or the page size failed, where it says what is wrong with the story; for bytes that could
     * not be read or a broker's refusal it would only describe Galley's insides (registry, broker).
     */
    public RejectionReason toReason() {
        String code = reason == null ? "failed" : reason;
        String what = switch (code) {
            case "unreadable" -> "could not read the story's event";
            case "too-large" -> "made a page or event larger than Kafka takes";
            case "unserializable" -> "could not write the story's event";
            case "refused" -> "had the story's event refused by Kafka";
            default -> "could not process the story";
        };
        String detail = "";
        if (exception != null && (code.equals("processing-failed") || code.equals("too-large") || code.equals("failed"))) {
            String simpleName = exception.substring(exception.lastIndexOf('.') + 1);
            detail = " (" + simpleName + (message == null || message.isBlank() ? "" : ": " + shortened(message)) + ")";
        }
        return new RejectionReason(stage, code, "The " + stage + " stage " + what + detail
                + ", so it is not published; it was kept on the dead-letter topic. Fix the story and send it "
                + "again as a new revision, or ask the operators to replay it after a fix.");
    }

    private static String shortened(String message) {
        String visible = TextCharacters.visible(message.strip());
        return visible.codePointCount(0, visible.length()) <= MESSAGE_LIMIT
                ? visible : visible.substring(0, visible.offsetByCodePoints(0, MESSAGE_LIMIT)) + "...";
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
