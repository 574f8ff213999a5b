package org.galley.registry;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not be reached, timed out, or answered with a transient error (5xx, 408, 429),
 * or refused Galley's credentials (401, 403), for longer than the client's retry budget. Nothing is wrong
 * with the record being read or written: the same call may succeed later, so a stage must retry the record,
 * never dead-letter it. It is a Kafka {@link RetriableException} so that error handlers that only know
 * kafka-clients can tell it from a poison pill by looking for a {@code RetriableException} in the cause chain.
 */
public class RegistryUnavailableException extends RetriableException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
