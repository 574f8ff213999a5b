package org.galley.runtime.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to an output record that cannot be written. Failing the task on a record the broker will
 * never take would only make the replaced thread read the same input and fail again, for ever; so such a record
 * (too large for the topic, a schema the registry refuses, any other non-retriable refusal) is dead-lettered with
 * its reason ({@link DeadLetters}) and the stage goes on. The dead letter carries the input record that produced
 * the output, as read, when Streams still has it (a serialization failure); otherwise the output record, its
 * headers naming the input's topic, partition and offset, and without its value if that was too large.
 * Retriable errors (broker or registry unavailable) are retried: RETRY for a send, so Streams re-processes the
 * task from its last commit, and FAIL for a serialization, so the thread is replaced and reads the input again.
 */
public class GalleyProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GalleyProductionExceptionHandler.class);

    private DeadLetters deadLetters = new DeadLetters(null, "unknown");

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfigs(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
        if (Failures.isRetriable(error)) {
            log.warn("{}: sending to {} failed for now ({}); retrying", deadLetters.stage(), record.topic(), error.toString());
            deadLetters.failedForNow("write");
            return Response.retry();
        }
        boolean tooLarge = Failures.causedBy(error, RecordTooLargeException.class);
        if (deadLetters.isDeadLetterTopic(record.topic())) {
            // Dead-lettering a dead letter again could go on for ever: it is sent once more without its value.
            List<ProducerRecord<byte[], byte[]>> smaller = tooLarge ? deadLetters.withoutValue(record) : List.of();
            log.error("{}: the dead-letter topic {} refused a dead letter from {}-{}@{} ({}); {}", deadLetters.stage(),
                    record.topic(), context.topic(), context.partition(), context.offset(), error.toString(),
                    smaller.isEmpty() ? "it is lost" : "sending it without its value");
            return Response.resume(smaller);
        }
        String reason = tooLarge ? DeadLetters.TOO_LARGE : DeadLetters.REFUSED;
        log.warn("{}: {} refused a record made from {}-{}@{} ({}); dead-lettering it and going on", deadLetters.stage(),
                record.topic(), context.topic(), context.partition(), context.offset(), error.toString());
        if (context.sourceRawKey() != null || context.sourceRawValue() != null) {
            return Response.resume(deadLetters.records(reason, context.sourceRawKey(), context.sourceRawValue(), context, error));
        }
        // Streams lets go of the input before it sends, so the dead letter is the output, which its headers tie to
        // the input (topic, partition, offset); without the value when that is what was too large.
        if (!tooLarge) {
            return Response.resume(deadLetters.records(reason, record.key(), record.value(), context, error));
        }
        List<ProducerRecord<byte[], byte[]>> letters = deadLetters.records(reason, record.key(), null, context, error);
        letters.forEach(letter -> letter.headers().add(DeadLetters.VALUE_DROPPED_HEADER,
                Integer.toString(record.value() == null ? 0 : record.value().length).getBytes(StandardCharsets.UTF_8)));
        return Response.resume(letters);
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, @SuppressWarnings("rawtypes") ProducerRecord record,
                                             Exception error, SerializationExceptionOrigin origin) {
        if (Failures.isRetriable(error)) {
            log.warn("{}: cannot serialize the {} of a record for {} yet ({}); failing so the input is read again",
                    deadLetters.stage(), origin, record.topic(), Failures.rootCause(error).toString());
            deadLetters.failedForNow("write");
            return Response.fail();
        }
        log.warn("{}: cannot serialize the {} of a record for {} made from {}-{}@{}; dead-lettering the input and going on",
                deadLetters.stage(), origin, record.topic(), context.topic(), context.partition(), context.offset(), error);
        return Response.resume(deadLetters.records(DeadLetters.UNSERIALIZABLE,
                context.sourceRawKey(), context.sourceRawValue(), context, error));
    }
}
