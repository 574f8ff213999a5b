package org.galley.ingest.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;

/** A sink for tests: keeps what it is sent and every rejection, and can be told to fail or to be down. */
final class RecordingSink implements SubmissionSink {

    final List<ArticleSubmitted> sent = new CopyOnWriteArrayList<>();
    final List<ArticleRejected> rejected = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    volatile boolean ready = true;

    @Override
    public void send(ArticleSubmitted submission) throws SendFailedException {
        if (failing) {
            throw new SendFailedException("the broker is away", null);
        }
        sent.add(submission);
    }

    @Override
    public void reject(ArticleRejected rejection) throws SendFailedException {
        if (failing) {
            throw new SendFailedException("the broker is away", null);
        }
        rejected.add(rejection);
    }

    @Override
    public boolean isReady() {
        return ready;
    }
}
