package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.galley.registry.server.SchemaLogRecord.LevelChange;
import org.galley.registry.server.SchemaLogRecord.SchemaVersion;
import org.junit.jupiter.api.Test;

class SchemaLogRecordTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Story\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    @Test
    void aSchemaVersionIsWrittenInConfluentsKeyAndValueJson() {
        SchemaVersion version = new SchemaVersion("articles.submitted-value", 2, 7, SCHEMA, false);

        assertThat(text(version.key()))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"articles.submitted-value\",\"version\":2,\"magic\":1}");
        assertThat(text(version.value())).isEqualTo("{\"subject\":\"articles.submitted-value\",\"version\":2,\"id\":7,"
                + "\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Story\\\",\\\"fields\\\":[{\\\"name\\\":"
                + "\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\",\"deleted\":false}");
    }

    @Test
    void levelChangesAreConfigRecordsAndARemovedLevelIsATombstone() {
        assertThat(text(new LevelChange(null, CompatibilityLevel.FULL).key()))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(new LevelChange("s", CompatibilityLevel.NONE).key()))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(new LevelChange("s", CompatibilityLevel.NONE).value())).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(new LevelChange("s", null).value()).isNull();
    }

    @Test
    void everyRecordReadsBackAsItWasWritten() {
        for (SchemaLogRecord record : new SchemaLogRecord[] {
                new SchemaVersion("s", 1, 1, SCHEMA, false),
                new SchemaVersion("s", 3, 12, SCHEMA, true),
                new LevelChange(null, CompatibilityLevel.FORWARD_TRANSITIVE),
                new LevelChange("s", CompatibilityLevel.FULL),
                new LevelChange("s", null)}) {
            assertThat(SchemaLogRecord.read(record.key(), record.value())).contains(record);
        }
    }

    @Test
    void recordsWrittenByConfluentsRegistryAreReadAndItsOtherKeyTypesSkipped() {
        // As Confluent writes them: more fields than ours, in another order.
        assertThat(SchemaLogRecord.read(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":4,\"magic\":1}"),
                bytes("{\"subject\":\"t-value\",\"version\":4,\"id\":21,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\","
                        + "\"metadata\":null,\"ruleSet\":null,\"deleted\":false}")))
                .contains(new SchemaVersion("t-value", 4, 21, "\"string\"", false));
        assertThat(SchemaLogRecord.read(bytes("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}"),
                bytes("{\"compatibilityLevel\":\"full_transitive\",\"alias\":null}")))
                .contains(new LevelChange(null, CompatibilityLevel.FULL_TRANSITIVE));
        assertThat(SchemaLogRecord.read(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
        assertThat(SchemaLogRecord.read(bytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"t-value\",\"magic\":0}"),
                bytes("{\"subject\":\"t-value\",\"version\":4}"))).isEmpty();
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
