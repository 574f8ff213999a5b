package org.galley.ingest.revision;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each valid submission's revision against the newest accepted for its article (see
 * {@link RevisionPolicy}), kept in a key-value store keyed by article id. In: {@code ArticleSubmitted}. Out: a
 * {@link Gated} that either passes the submission on (a newer revision, now remembered) or refuses it with an
 * {@code ArticleRejected} whose reason is {@code duplicate-revision} or {@code stale-revision}, so the newsroom
 * is told. Refusals are also counted in the Streams metrics {@code duplicate-revisions-total} and
 * {@code stale-revisions-total} (group {@code stream-galley-ingest-metrics}).
 */
public final class RevisionGate implements FixedKeyProcessor<String, ArticleSubmitted, RevisionGate.Gated> {

    private static final Logger log = LoggerFactory.getLogger(RevisionGate.class);

    /** A submission let through ({@code refusal} null), or refused ({@code refusal} says why). */
    public record Gated(ArticleSubmitted submission, ArticleRejected refusal) {

        public boolean passed() {
            return refusal == null;
        }
    }

    private final String storeName;
    private final Clock clock;
    private FixedKeyProcessorContext<String, Gated> context;
    private KeyValueStore<String, Long> newestRevisions;
    private Sensor duplicates;
    private Sensor stale;

    public RevisionGate(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Gated> context) {
        this.context = context;
        this.newestRevisions = context.getStateStore(storeName);
        String task = context.taskId().toString();
        duplicates = context.metrics().addRateTotalSensor("galley-ingest", "revisions", "duplicate-revisions",
                Sensor.RecordingLevel.INFO, "task-id", task);
        stale = context.metrics().addRateTotalSensor("galley-ingest", "revisions", "stale-revisions",
                Sensor.RecordingLevel.INFO, "task-id", task);
    }

    @Override
    public void process(FixedKeyRecord<String, ArticleSubmitted> record) {
        ArticleSubmitted submission = record.value();
        String articleId = record.key();
        Long newest = newestRevisions.get(articleId);
        RevisionPolicy.Verdict verdict = RevisionPolicy.judge(newest, submission.getRevision());
        if (verdict == RevisionPolicy.Verdict.NEWER) {
            newestRevisions.put(articleId, submission.getRevision());
            context.forward(record.withValue(new Gated(submission, null)));
            return;
        }
        (verdict == RevisionPolicy.Verdict.DUPLICATE ? duplicates : stale).record();
        RejectionReason reason = RevisionPolicy.refusal(articleId, newest, submission.getRevision()).orElseThrow();
        log.info("Refused {} revision {} from {}: {} (newest accepted {})", articleId, submission.getRevision(),
                submission.getSource(), reason.getCode(), newest);
        context.forward(record.withValue(new Gated(submission, ArticleRejected.newBuilder()
                .setArticleId(articleId)
                .setRevision(submission.getRevision())
                .setSource(submission.getSource())
                .setReasons(List.of(reason))
                .setRejectedAt(clock.instant())
                .setSubmission(submission)
                .build())));
    }

    @Override
    public void close() {
        if (context != null) {
            context.metrics().removeSensor(duplicates);
            context.metrics().removeSensor(stale);
        }
    }
}
