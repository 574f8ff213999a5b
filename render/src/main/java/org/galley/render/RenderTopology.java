package org.galley.render;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.render.page.PageRenderer;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;

/**
 * Render's stream. Reads {@code articles.enriched} (key articleId String, value {@code ArticleEnriched});
 * writes, in one transaction per story:
 * <ul>
 *   <li>{@code articles.published} (key articleId String, value {@code ArticlePublished}): a PUBLISH with the
 *       complete HTML page and its SHA-256, or an UNPUBLISH with no page and the path to take down;</li>
 *   <li>{@code pages} (key URL path String, value the page's HTML as a UTF-8 String, compacted): the page
 *       under its path on PUBLISH; a tombstone (null) on UNPUBLISH, and for the old path when a revision
 *       moved the story, so the topic always holds exactly the live pages.</li>
 * </ul>
 *
 * <p>Each story is rendered by the task of its own {@code articles.enriched} partition, so render runs on as
 * many instances and threads as that topic has partitions. Each story's current path lives in the task's store
 * {@value #PATH_STORE} (changelogged; keyed by articleId like the input, so it needs no repartition).
 *
 * <p>Every page shows the site's latest headlines. That ticker is the global store {@value #TICKER_STORE}: every
 * instance also reads render's own output, {@code articles.published}, and {@link TickerKeeper} keeps from it
 * only the latest headlines under one key (Kafka Streams lets a topology write to the topic a global store
 * reads; the store is rebuilt from that topic, so it has no changelog of its own). A page's ticker is the global
 * ticker with the story being rendered in its place, taken when the page is rendered: pages are static, so a
 * page's strip is a snapshot and is not re-rendered when later stories go out. Stories rendered at nearly the
 * same moment on other partitions reach the ticker once their events come back through the topic.
 */
public final class RenderTopology {

    public static final String TICKER_STORE = "render-ticker";
    public static final String PATH_STORE = "render-page-paths";

    private RenderTopology() {
    }

    public static Topology build(Topics topics, PageRenderer renderer, Clock clock) {
        Topic<String, ArticleEnriched> enriched = topics.enriched();
        Topic<String, ArticlePublished> published = topics.published();
        Topic<String, String> pages = topics.pages();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(TICKER_STORE), Serdes.String(), new TickerSerde())
                        .withLoggingDisabled(),
                published.name(),
                published.consumed().withName("ticker-keeper"),
                TickerKeeper::new);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PATH_STORE), Serdes.String(), Serdes.String()));
        KStream<String, Rendered> rendered = builder.stream(enriched.name(), enriched.consumed().withName("enriched-source"))
                .process(() -> new RenderProcessor(renderer, clock), Named.as("render-page"), PATH_STORE);
        rendered.mapValues(Rendered::event, Named.as("published-event"))
                .to(published.name(), published.produced().withName("published-sink"));
        rendered.flatMap((articleId, story) -> story.pages().stream()
                                .map(page -> KeyValue.pair(page.path(), page.html()))
                                .toList(),
                        Named.as("page-by-path"))
                .to(pages.name(), pages.produced().withName("pages-sink"));
        return builder.build();
    }
}
