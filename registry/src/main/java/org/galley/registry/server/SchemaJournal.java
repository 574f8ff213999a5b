package org.galley.registry.server;

import java.util.List;

/**
 * Where a {@link SchemaStore} writes each change before it applies it, so the registry can be rebuilt with the
 * same ids and versions: {@link #NONE} for a registry that lives in memory only, or a compacted Kafka topic
 * ({@link KafkaSchemaLog}).
 */
interface SchemaJournal {

    /** Keeps nothing: the store lives as long as the process. */
    SchemaJournal NONE = records -> { };

    /**
     * Writes the records, in order, and returns once they are durable; throws if they may not be, and then the
     * store does not apply the change.
     */
    void append(List<SchemaLogRecord> records);
}
