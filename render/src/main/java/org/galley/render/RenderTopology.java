package org.galley.render;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.render.page.PageRenderer;
import org.galley.render.publish.Previews;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.StoryHops;
import org.galley.runtime.trace.Tracing;

/**
 * Render's stream. Reads {@code articles.enriched} (key articleId String, value {@code ArticleEnriched});
 * writes, in one transaction per story:
 * <ul>
 *   <li>{@code articles.published} (key articleId String, value {@code ArticlePublished}): a PUBLISH with the
 *       complete HTML page and its SHA-256, or an UNPUBLISH with no page and the path to take down;</li>
 *   <li>{@code pages} (key URL path String, value the page's HTML as a UTF-8 String, compacted): the page
 *       under its path on PUBLISH; a tombstone (null) on UNPUBLISH, and for the old path when a revision
 *       moved the story, so the topic always holds exactly the live pages;</li>
 *   <li>{@code articles.previews} (key the preview's path {@code /preview/<token>/} String, value its HTML
 *       String): the page of a preview, an enriched story with a {@code previewToken} ({@link Previews}). It is
 *       the live page's template with {@code noindex, nofollow}, a "Preview — not published" banner in place of
 *       the LIVE strip, its own address as canonical URL and no related stories. A preview goes nowhere else: no
 *       published event, no page, and nothing in the path store, so platform teams never see a draft and a
 *       later publication of the story is exactly as if it had never been previewed.</li>
 * </ul>
 *
 * <p>Each story is rendered by the task of its own {@code articles.enriched} partition, so render runs on as
 * many instances and threads as that topic has partitions. Each story's current path lives in the task's store
 * {@value #PATH_STORE} (changelogged; keyed by articleId like the input, so it needs no repartition).
 *
 * <p>Render keeps no view of other stories: the page's ticker of latest headlines and its related stories come
 * with the enriched story, chosen by enrich from publication times. So a story's page is a pure function of its
 * enriched event, an instance reads nothing but its own partitions, and a replay renders the same bytes. (Render
 * used to keep the ticker itself, in a global store fed from {@code articles.published}: every instance then read
 * every page ever published, and a page's strip depended on which stories happened to be rendered first.)
 */
public final class RenderTopology {

    public static final String PATH_STORE = "render-page-paths";
    /** The event type of a record on {@code pages}, whose value is raw HTML rather than an Avro record. */
    public static final String PAGE_EVENT_TYPE = "Page";

    private RenderTopology() {
    }

    /** The topology with no spans and meters that record into nothing. */
    public static Topology build(Topics topics, PageRenderer renderer, Clock clock) {
        return build(topics, renderer, clock, Tracing.none(), new GalleyMetrics());
    }

    /** With spans, and meters that record into nothing. */
    public static Topology build(Topics topics, PageRenderer renderer, Clock clock, Tracing tracing) {
        return build(topics, renderer, clock, tracing, new GalleyMetrics());
    }

    /** With meters, and no spans. */
    public static Topology build(Topics topics, PageRenderer renderer, Clock clock, GalleyMetrics metrics) {
        return build(topics, renderer, clock, Tracing.none(), metrics);
    }

    /**
     * @param tracing where each story's render hop is recorded: the published event and its pages carry one new
     *                span of the enriched event's trace
     * @param metrics counts revisions published and taken down, their end-to-end latency, and times rendering
     */
    public static Topology build(Topics topics, PageRenderer renderer, Clock clock, Tracing tracing,
                                 GalleyMetrics metrics) {
        Topic<String, ArticleEnriched> enriched = topics.enriched();
        Topic<String, ArticlePublished> published = topics.published();
        Topic<String, String> pages = topics.pages();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PATH_STORE), Serdes.String(), Serdes.String()));
        Topic<String, String> previews = topics.previews();
        Map<String, KStream<String, ArticleEnriched>> byKind = builder.stream(enriched.name(),
                        enriched.consumed().withName("enriched-source"))
                .processValues(StoryHops.enter(tracing, "render", (ArticleEnriched story) ->
                        story.getSubmission().getRevision()), Named.as("story-context"))
                .split(Named.as("enriched-"))
                .branch((articleId, story) -> Previews.isPreview(story), Branched.as("preview"))
                .defaultBranch(Branched.as("story"));
        // A preview is only rendered: it never reaches the processor that owns the path store or the sinks of
        // articles.published and pages.
        byKind.get("enriched-preview")
                .map((articleId, story) -> {
                    String path = Previews.path(story);
                    String html = metrics.time("render", "render", () -> renderer.render(story, List.of()));
                    return KeyValue.pair(path, html);
                }, Named.as("render-preview"))
                .processValues(StoryHops.hop(tracing, "render"), Named.as("preview-hop"))
                .processValues(StoryHops.typed(PAGE_EVENT_TYPE), Named.as("type-preview"))
                .to(previews.name(), previews.produced().withName("previews-sink"));
        KStream<String, Rendered> rendered = byKind.get("enriched-story")
                .process(() -> new RenderProcessor(renderer, clock, metrics), Named.as("render-page"), PATH_STORE)
                .processValues(StoryHops.hop(tracing, "render"), Named.as("render-hop"));
        rendered.mapValues(Rendered::event, Named.as("published-event"))
                .processValues(StoryHops.typed("ArticlePublished"), Named.as("type-published"))
                .to(published.name(), published.produced().withName("published-sink"));
        rendered.flatMap((articleId, story) -> story.pages().stream()
                                .map(page -> KeyValue.pair(page.path(), page.html()))
                                .toList(),
                        Named.as("page-by-path"))
                .processValues(StoryHops.typed(PAGE_EVENT_TYPE), Named.as("type-page"))
                .to(pages.name(), pages.produced().withName("pages-sink"));
        return builder.build();
    }
}
