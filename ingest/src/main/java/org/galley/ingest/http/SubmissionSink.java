package org.galley.ingest.http;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.trace.TraceParent;

/**
 * Where the HTTP front door hands a submission over ({@code articles.submitted}) and records the stories it
 * refused as invalid ({@code articles.rejected}): Kafka in production ({@link KafkaSubmissionSink}), lists in
 * tests.
 */
public interface SubmissionSink {

    /**
     * Sends one submission, keyed by its article id, with its trace context and event type as headers, and
     * returns only once it is stored.
     *
     * @throws SendFailedException when it could not be stored; the caller may safely retry, since a revision
     *                             stored twice is dropped as a duplicate by ingest's topology
     */
    void send(ArticleSubmitted submission, TraceParent trace) throws SendFailedException;

    /**
     * Records one rejection, keyed by its article id (none when unknown), and returns only once it is stored.
     *
     * @throws SendFailedException when it could not be stored
     */
    void reject(ArticleRejected rejection, TraceParent trace) throws SendFailedException;

    /** True while submissions can be sent. */
    boolean isReady();

    /** A submission that was not stored. */
    final class SendFailedException extends Exception {

        public SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
