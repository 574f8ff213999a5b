package org.galley.ingest.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.trace.TraceParent;

/** A sink for tests: keeps what it is sent and every rejection, and can be told to fail or to be down. */
final class RecordingSink implements SubmissionSink {

    final List<ArticleSubmitted> sent = new CopyOnWriteArrayList<>();
    final List<ArticleRejected> rejected = new CopyOnWriteArrayList<>();
    /** The trace context each sent submission was given, in order. */
    final List<TraceParent> traces = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    /** What a failing sink says, as a real producer would: internal topic, partition and broker names. */
    static final String FAILURE = "Kafka did not store it on articles.submitted";
    static final String FAILURE_CAUSE = "Expiring 1 record(s) for articles.submitted-0:30000 ms has passed since "
            + "batch creation; broker-7.internal:9092 (id: 7 rack: null) disconnected";
    volatile boolean ready = true;

    @Override
    public void send(ArticleSubmitted submission, TraceParent trace) throws SendFailedException {
        if (failing) {
            throw new SendFailedException(FAILURE,
                    new org.apache.kafka.common.errors.TimeoutException(FAILURE_CAUSE));
        }
        sent.add(submission);
        traces.add(trace);
    }

    @Override
    public void reject(ArticleRejected rejection, TraceParent trace) throws SendFailedException {
        if (failing) {
            throw new SendFailedException(FAILURE,
                    new org.apache.kafka.common.errors.TimeoutException(FAILURE_CAUSE));
        }
        rejected.add(rejection);
    }

    @Override
    public boolean isReady() {
        return ready;
    }
}
