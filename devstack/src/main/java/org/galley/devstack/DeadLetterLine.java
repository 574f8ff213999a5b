package org.galley.devstack;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.galley.runtime.errors.DeadLetters;

/**
 * One dead letter as {@code ./galley dlq list} prints it: where it sits, the story (its key), the stage that gave up
 * on it and why, where it was read from, and the exception, all from the headers every stage writes
 * ({@link DeadLetters}, and Kafka Streams' {@code __streams.errors.*}).
 */
final class DeadLetterLine {

    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";
    private static final int MESSAGE_CHARACTERS = 200;

    private DeadLetterLine() {
    }

    static String of(ConsumerRecord<byte[], byte[]> letter) {
        String key = letter.key() == null ? "(no key)" : shown(new String(letter.key(), StandardCharsets.UTF_8));
        String stage = header(letter, DeadLetters.STAGE_HEADER, "?");
        String reason = header(letter, DeadLetters.REASON_HEADER, "?");
        String from = header(letter, TOPIC, "?") + "-" + header(letter, PARTITION, "?") + "@" + header(letter, OFFSET, "?");
        String exception = header(letter, EXCEPTION, "");
        String simpleName = exception.substring(exception.lastIndexOf('.') + 1);
        String message = header(letter, MESSAGE, "");
        if (message.length() > MESSAGE_CHARACTERS) {
            message = message.substring(0, MESSAGE_CHARACTERS) + "…";
        }
        return String.format("%s-%d@%d  %s  %s  %s  from %s  %s%s", letter.topic(), letter.partition(),
                letter.offset(), key, stage, reason, from, simpleName, message.isEmpty() ? "" : ": " + message);
    }

    private static String header(ConsumerRecord<byte[], byte[]> letter, String name, String missing) {
        Header header = letter.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return missing;
        }
        return shown(new String(header.value(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip());
    }

    /** Text with control characters shown as their code points, so a hostile key cannot steer a terminal. */
    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("<U+%04X>", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
