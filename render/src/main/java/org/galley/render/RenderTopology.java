package org.galley.render;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.galley.events.ArticleEnriched;
import org.galley.render.page.PageRenderer;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;

/**
 * Render's stream: reads {@code articles.enriched} (key articleId String, value {@code ArticleEnriched})
 * and writes {@code articles.published} (key articleId String, value {@code ArticlePublished}): a PUBLISH
 * with the complete HTML page and its SHA-256, or an UNPUBLISH with no page and the path to take down.
 *
 * <p>Every page shows the site's latest headlines, so the ticker must see every story. The stream therefore
 * passes through an internal topic of one partition before rendering; newsroom volumes are small, and the
 * story's order is kept because every event of one story still travels in sequence. The ticker lives in the
 * state store {@value #TICKER_STORE} (changelogged, so it survives restarts and moves with the task).
 */
public final class RenderTopology {

    public static final String TICKER_STORE = "render-ticker";

    private RenderTopology() {
    }

    public static Topology build(Topics topics, PageRenderer renderer, Clock clock) {
        Topic<String, ArticleEnriched> enriched = topics.enriched();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TICKER_STORE), Serdes.String(), new TickerSerde()));
        builder.stream(enriched.name(), enriched.consumed())
                .repartition(Repartitioned.<String, ArticleEnriched>as("render-one-ticker")
                        .withKeySerde(enriched.keySerde())
                        .withValueSerde(enriched.valueSerde())
                        .withNumberOfPartitions(1))
                .process(() -> new RenderProcessor(renderer, clock), Named.as("render-page"), TICKER_STORE)
                .to(topics.published().name(), topics.published().produced());
        return builder.build();
    }
}
