package org.galley.render;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticlePublished;
import org.galley.render.ticker.Ticker;

/**
 * Keeps the site's ticker in the global store {@value RenderTopology#TICKER_STORE}, on every render instance,
 * from {@code articles.published} (key articleId String, value {@code ArticlePublished}). The store holds one
 * key, {@value #TICKER_KEY}, whose value is the latest headlines ({@link Ticker}); the pages' HTML is read past,
 * never kept. Kafka Streams also runs this processor when it rebuilds the store from the topic, so a rebuilt
 * store holds the same single ticker.
 */
final class TickerKeeper implements Processor<String, ArticlePublished, Void, Void> {

    static final String TICKER_KEY = "latest";

    private KeyValueStore<String, Ticker> tickers;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.tickers = context.getStateStore(RenderTopology.TICKER_STORE);
    }

    @Override
    public void process(Record<String, ArticlePublished> record) {
        Ticker current = current(tickers);
        Ticker next = current.after(record.value());
        if (!next.equals(current)) {
            tickers.put(TICKER_KEY, next);
        }
    }

    /** The ticker in {@code tickers}, empty before the first story. */
    static Ticker current(KeyValueStore<String, Ticker> tickers) {
        Ticker stored = tickers.get(TICKER_KEY);
        return stored == null ? Ticker.EMPTY : stored;
    }
}
