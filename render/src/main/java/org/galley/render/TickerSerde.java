package org.galley.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.galley.render.ticker.Ticker;
import org.galley.render.ticker.TickerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticker as JSON in render's state store and its changelog. The ticker is render's own working state,
 * not a contract between services, so it needs no Avro schema. An unreadable ticker is logged and read as
 * empty: the strip refills as stories are rendered, and a page is never held back for it.
 */
final class TickerSerde implements Serde<Ticker> {

    private static final Logger log = LoggerFactory.getLogger(TickerSerde.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Serializer<Ticker> serializer() {
        return (topic, ticker) -> ticker == null ? null : write(ticker);
    }

    @Override
    public Deserializer<Ticker> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(Ticker ticker) {
        ArrayNode entries = JSON.createArrayNode();
        for (TickerEntry entry : ticker.entries()) {
            ObjectNode node = entries.addObject();
            node.put("articleId", entry.articleId());
            node.put("headline", entry.headline());
            node.put("path", entry.path());
            node.put("publishedAt", entry.publishedAt().toEpochMilli());
        }
        try {
            return JSON.writeValueAsBytes(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ticker read(byte[] bytes) {
        try {
            List<TickerEntry> entries = new ArrayList<>();
            for (JsonNode node : JSON.readTree(bytes)) {
                entries.add(new TickerEntry(
                        node.required("articleId").asText(),
                        node.required("headline").asText(),
                        node.required("path").asText(),
                        Instant.ofEpochMilli(node.required("publishedAt").asLong())));
            }
            return new Ticker(entries);
        } catch (IOException | RuntimeException e) {
            log.warn("Ticker state could not be read ({}); starting the ticker afresh", e.getMessage());
            return Ticker.EMPTY;
        }
    }
}
