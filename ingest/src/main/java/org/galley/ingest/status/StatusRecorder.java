package org.galley.ingest.status;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds each story's events into its {@link ArticleStatus} in a key-value store keyed by article id, by
 * {@link StatusRules}. Writes nothing downstream: the store is read through interactive queries.
 */
public final class StatusRecorder implements Processor<String, StoryEvent, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(StatusRecorder.class);

    private final String storeName;
    private KeyValueStore<String, ArticleStatus> statuses;

    public StatusRecorder(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        statuses = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, StoryEvent> record) {
        String articleId = record.key();
        if (articleId == null || articleId.isEmpty()) {
            // Without a key the story cannot be looked up; its rejection still reached articles.rejected.
            log.info("No status kept for a {} event without an article id", record.value().state());
            return;
        }
        StatusRules.apply(articleId, statuses.get(articleId), record.value())
                .ifPresentOrElse(status -> statuses.put(articleId, status),
                        () -> log.debug("{}: {} of revision {} is older than the status shown", articleId,
                                record.value().state(), record.value().revision()));
    }
}
