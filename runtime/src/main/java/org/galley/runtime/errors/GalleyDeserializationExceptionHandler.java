package org.galley.runtime.errors;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to an input record that cannot be read. Retriable (the registry is unreachable): FAIL, so
 * the stream thread stops without committing, is replaced, and reads the record again; a good record is never
 * skipped because of an outage. Poison (bad bytes, an unknown schema id): the raw record goes to the dead-letter
 * topic ({@link DeadLetters}, reason {@value DeadLetters#UNREADABLE}) and the stage goes on.
 */
public class GalleyDeserializationExceptionHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GalleyDeserializationExceptionHandler.class);

    private DeadLetters deadLetters = new DeadLetters(null, "unknown");

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfigs(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        if (Failures.isRetriable(error)) {
            log.warn("{}: cannot read {}-{}@{} yet ({}); failing so the record is read again, not skipped",
                    deadLetters.stage(), record.topic(), record.partition(), record.offset(), Failures.rootCause(error).toString());
            deadLetters.failedForNow("read");
            return Response.fail();
        }
        log.warn("{}: dead-lettering unreadable record {}-{}@{}", deadLetters.stage(),
                record.topic(), record.partition(), record.offset(), error);
        return Response.resume(deadLetters.records(DeadLetters.UNREADABLE, record.key(), record.value(), context, error));
    }
}
