package org.galley.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.galley.render.ticker.Ticker;
import org.galley.render.ticker.TickerEntry;
import org.junit.jupiter.api.Test;

class TickerSerdeTest {

    @Test
    void tickerRoundTripsThroughItsStoredForm() {
        Ticker ticker = Ticker.EMPTY
                .with(new TickerEntry("a", "Ünïcode “quotes” 日本", "/ai/a/", Instant.parse("2026-04-20T12:00:00Z")))
                .with(new TickerEntry("b", "B", "/ai/b/", Instant.parse("2026-04-21T12:00:00Z")));

        assertThat(TickerSerde.read(TickerSerde.write(ticker))).isEqualTo(ticker);
    }

    @Test
    void unreadableStoredTickerStartsAfreshInsteadOfStoppingRender() {
        assertThat(TickerSerde.read("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(Ticker.EMPTY);
        assertThat(TickerSerde.read("[{\"articleId\":\"a\"}]".getBytes(StandardCharsets.UTF_8))).isEqualTo(Ticker.EMPTY);
    }
}
