package org.galley.runtime.errors;

import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when a stage's own code throws on a record. Retriable (a registry or broker call inside the
 * stage is unavailable): FAIL, so the thread is replaced and the record processed again. Anything else is a bug
 * or a record the stage can never handle: the input record as read goes to the dead-letter topic
 * ({@link DeadLetters}, reason {@value DeadLetters#PROCESSING_FAILED}) and the stage goes on.
 */
public class GalleyProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GalleyProcessingExceptionHandler.class);

    private DeadLetters deadLetters = new DeadLetters(null, "unknown");

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfigs(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception error) {
        if (Failures.isRetriable(error)) {
            log.warn("{}: processing {}-{}@{} failed for now ({}); failing so it is processed again", deadLetters.stage(),
                    context.topic(), context.partition(), context.offset(), Failures.rootCause(error).toString());
            deadLetters.failedForNow("process");
            return Response.fail();
        }
        log.warn("{}: dead-lettering {}-{}@{}, which processor {} could not process", deadLetters.stage(),
                context.topic(), context.partition(), context.offset(), context.processorNodeId(), error);
        return Response.resume(deadLetters.records(DeadLetters.PROCESSING_FAILED,
                context.sourceRawKey(), context.sourceRawValue(), context, error));
    }
}
