package org.galley.render;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.galley.events.ArticleEnriched;
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
 * <p>Every page shows the site's latest headlines, so the ticker must see every story. The stream therefore
 * passes through an internal topic of one partition before rendering; newsroom volumes are small, and the
 * story's order is kept because every event of one story still travels in sequence. The ticker lives in the
 * state store {@value #TICKER_STORE}, each story's current path in {@value #PATH_STORE} (both changelogged, so
 * they survive restarts and move with the task).
 */
public final class RenderTopology {

    public static final String TICKER_STORE = "render-ticker";
    public static final String PATH_STORE = "render-page-paths";

    private RenderTopology() {
    }

    public static Topology build(Topics topics, PageRenderer renderer, Clock clock) {
        Topic<String, ArticleEnriched> enriched = topics.enriched();
        Topic<String, String> pages = topics.pages();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TICKER_STORE), Serdes.String(), new TickerSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PATH_STORE), Serdes.String(), Serdes.String()));
        KStream<String, Rendered> rendered = builder.stream(enriched.name(), enriched.consumed())
                .repartition(Repartitioned.<String, ArticleEnriched>as("render-one-ticker")
                        .withKeySerde(enriched.keySerde())
                        .withValueSerde(enriched.valueSerde())
                        .withNumberOfPartitions(1))
                .process(() -> new RenderProcessor(renderer, clock), Named.as("render-page"), TICKER_STORE, PATH_STORE);
        rendered.mapValues(Rendered::event, Named.as("published-event"))
                .to(topics.published().name(), topics.published().produced());
        rendered.flatMap((articleId, story) -> story.pages().stream()
                                .map(page -> KeyValue.pair(page.path(), page.html()))
                                .toList(),
                        Named.as("page-by-path"))
                .to(pages.name(), pages.produced());
        return builder.build();
    }
}
