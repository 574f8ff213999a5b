package org.galley.ingest.revision;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only valid submissions whose revision is newer than the newest accepted for their article
 * (see {@link RevisionPolicy}), remembering it in a key-value store keyed by article id. Duplicates and stale
 * revisions are logged and counted in the Streams metrics {@code duplicate-revisions-total} and
 * {@code stale-revisions-total} (group {@code stream-galley-ingest-metrics}).
 */
public final class RevisionGate implements FixedKeyProcessor<String, ArticleSubmitted, ArticleSubmitted> {

    private static final Logger log = LoggerFactory.getLogger(RevisionGate.class);

    private final String storeName;
    private FixedKeyProcessorContext<String, ArticleSubmitted> context;
    private KeyValueStore<String, Long> newestRevisions;
    private Sensor duplicates;
    private Sensor stale;

    public RevisionGate(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleSubmitted> context) {
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
        switch (RevisionPolicy.judge(newest, submission.getRevision())) {
            case NEWER:
                newestRevisions.put(articleId, submission.getRevision());
                context.forward(record);
                break;
            case DUPLICATE:
                duplicates.record();
                log.info("Dropped {} revision {} from {}: that revision was already accepted",
                        articleId, submission.getRevision(), submission.getSource());
                break;
            case STALE:
                stale.record();
                log.warn("Dropped {} revision {} from {}: revision {} is already accepted, so it is not published again",
                        articleId, submission.getRevision(), submission.getSource(), newest);
                break;
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.metrics().removeSensor(duplicates);
            context.metrics().removeSensor(stale);
        }
    }
}
