package org.galley.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One change to a {@link SchemaStore} as a record of Confluent's {@code _schemas} topic, so the embedded registry's
 * topic reads like Confluent's own (and Confluent's registry could take it over). Two kinds are written:
 * <ul>
 *   <li>a {@link SchemaVersion}: key {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}}, value
 *       {@code {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}}; a soft delete is the same
 *       record again with {@code "deleted":true}, so compaction keeps only the latest state of each version;</li>
 *   <li>a {@link LevelChange}: key {@code {"keytype":"CONFIG","subject":"s","magic":0}} ({@code "subject":null} for
 *       the global level), value {@code {"compatibilityLevel":"FULL"}}, or no value (a tombstone) when a subject's
 *       own level is removed.</li>
 * </ul>
 * Confluent's other key types (NOOP, DELETE_SUBJECT, MODE, ...) carry nothing this registry keeps, and are skipped
 * when read. Pure: bytes in, bytes out.
 */
sealed interface SchemaLogRecord {

    ObjectMapper JSON = new ObjectMapper();

    /** The record's key, as UTF-8 JSON. */
    byte[] key();

    /** The record's value, as UTF-8 JSON, or null for a tombstone. */
    byte[] value();

    /** One version of a subject: its number, the schema's global id and canonical JSON, and whether it was deleted. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements SchemaLogRecord {

        @Override
        public byte[] key() {
            ObjectNode key = JSON.createObjectNode();
            key.put("keytype", "SCHEMA");
            key.put("subject", subject);
            key.put("version", version);
            key.put("magic", 1);
            return bytes(key);
        }

        @Override
        public byte[] value() {
            ObjectNode value = JSON.createObjectNode();
            value.put("subject", subject);
            value.put("version", version);
            value.put("id", id);
            value.put("schema", schema);
            value.put("deleted", deleted);
            return bytes(value);
        }
    }

    /** A compatibility level set ({@code level} non-null) or removed (null), for a subject or, with no subject, globally. */
    record LevelChange(String subject, CompatibilityLevel level) implements SchemaLogRecord {

        @Override
        public byte[] key() {
            ObjectNode key = JSON.createObjectNode();
            key.put("keytype", "CONFIG");
            key.put("subject", subject);
            key.put("magic", 0);
            return bytes(key);
        }

        @Override
        public byte[] value() {
            if (level == null) {
                return null;
            }
            ObjectNode value = JSON.createObjectNode();
            value.put("compatibilityLevel", level.name());
            return bytes(value);
        }
    }

    /** The change a record of the topic holds; empty for a key type this registry does not keep. */
    static Optional<SchemaLogRecord> read(byte[] key, byte[] value) {
        JsonNode keyJson = parse(key);
        String subject = text(keyJson, "subject");
        switch (text(keyJson, "keytype") == null ? "" : text(keyJson, "keytype")) {
            case "SCHEMA":
                if (value == null) {
                    // A hard-deleted version: Confluent tombstones it; it holds nothing to rebuild.
                    return Optional.empty();
                }
                JsonNode schema = parse(value);
                return Optional.of(new SchemaVersion(schema.path("subject").asText(subject),
                        schema.path("version").asInt(), schema.path("id").asInt(), schema.path("schema").asText(),
                        schema.path("deleted").asBoolean(false)));
            case "CONFIG":
                String level = value == null ? null : text(parse(value), "compatibilityLevel");
                return Optional.of(new LevelChange(subject, level == null ? null : CompatibilityLevel.parse(level)));
            default:
                return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode found = node.get(field);
        return found == null || found.isNull() ? null : found.asText();
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a _schemas record: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
