package org.galley.render;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.render.page.PageRenderer;
import org.galley.render.publish.PageUpdate;
import org.galley.render.publish.Publications;
import org.galley.render.ticker.PageTicker;
import org.galley.runtime.metrics.GalleyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one enriched story into its published event and page updates, on the task of the story's own
 * partition. The page is a function of the enriched story alone: its ticker and related stories were chosen by
 * enrich ({@link PageTicker}). Each story's current path is kept in the task's own store. A story that cannot be rendered
 * throws with the reason; the stage's processing-exception handler logs it and sends the record to the
 * dead-letter topic, and the path store is left as it was.
 */
final class RenderProcessor implements Processor<String, ArticleEnriched, String, Rendered> {

    private static final Logger log = LoggerFactory.getLogger(RenderProcessor.class);

    private final PageRenderer renderer;
    private final Clock clock;
    private final GalleyMetrics metrics;
    private ProcessorContext<String, Rendered> context;
    private KeyValueStore<String, String> paths;

    RenderProcessor(PageRenderer renderer, Clock clock, GalleyMetrics metrics) {
        this.renderer = renderer;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Rendered> context) {
        this.context = context;
        this.paths = context.getStateStore(RenderTopology.PATH_STORE);
    }

    @Override
    public void process(Record<String, ArticleEnriched> record) {
        ArticleEnriched article = record.value();
        if (article == null) {
            log.warn("Skipping an empty enriched record (key {}): there is no story to render", record.key());
            return;
        }
        String articleId = article.getSubmission().getArticleId();
        ArticlePublished event;
        switch (article.getSubmission().getAction()) {
            case PUBLISH -> {
                String html = metrics.time("render", "render", () -> renderer.render(article, PageTicker.of(article)));
                event = Publications.published(article, html, clock.instant());
                log.info("Rendered {} revision {} at {}", articleId, event.getRevision(), event.getPath());
            }
            case UNPUBLISH -> {
                event = Publications.unpublished(article, clock.instant());
                log.info("Taking down {} at {}", articleId, event.getPath());
            }
            default -> throw new IllegalArgumentException("Unknown action " + article.getSubmission().getAction()
                    + " for article " + articleId);
        }
        List<PageUpdate> pages = Publications.pageUpdates(event, paths.get(articleId));
        if (event.getAction() == Action.PUBLISH) {
            paths.put(articleId, event.getPath());
        } else {
            paths.delete(articleId);
        }
        context.forward(record.withKey(articleId).withValue(new Rendered(event, pages)));
        count(article, event);
    }

    /**
     * A revision's own event (resend 0) is counted; a re-send for changed links is not a new publication, and its
     * latency from submission would only measure how long the story had been live.
     */
    private void count(ArticleEnriched article, ArticlePublished event) {
        if (event.getResend() != 0) {
            return;
        }
        if (event.getAction() == Action.UNPUBLISH) {
            metrics.unpublished();
            return;
        }
        metrics.published();
        if (article.getSubmission().getSubmittedAt() != null) {
            metrics.endToEnd(Duration.between(article.getSubmission().getSubmittedAt(), event.getOccurredAt()));
        }
    }
}
