package org.galley.ingest.status;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleStatus;
import org.galley.events.StoryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds each story's events into its {@link ArticleStatus} in a key-value store keyed by article id, by
 * {@link StatusRules}. Writes nothing downstream: the store is read through interactive queries. A failure read
 * from the dead-letter topic that cannot be recorded is logged, never thrown, so it is not dead-lettered again.
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
        if (record.value().state() != StoryState.FAILED) {
            record(articleId, record.value());
            return;
        }
        try {
            record(articleId, record.value());
        } catch (RuntimeException e) {
            if (isRetriable(e)) {
                throw e;
            }
            // Failing here would dead-letter the dead letter onto the topic it came from, again and again.
            log.error("{}: the failure in {} could not be recorded in its status; it stays on the dead-letter topic",
                    articleId, record.value().stage(), e);
        }
    }

    private void record(String articleId, StoryEvent event) {
        StatusRules.apply(articleId, statuses.get(articleId), event)
                .ifPresentOrElse(status -> statuses.put(articleId, status),
                        () -> log.debug("{}: {} of revision {} is older than the status shown", articleId,
                                event.state(), event.revision()));
    }

    private static boolean isRetriable(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
