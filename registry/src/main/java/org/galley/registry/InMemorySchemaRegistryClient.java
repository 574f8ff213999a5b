package org.galley.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.galley.registry.server.SchemaStore;

/**
 * A client reading and writing a {@link SchemaStore} in this JVM, with no HTTP in between: what
 * {@code mock://} URLs give, so topology tests get the real registry's ids, versions and
 * compatibility checks without a server.
 */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaStore store;

    InMemorySchemaRegistryClient(SchemaStore store) {
        this.store = store;
    }

    @Override
    public int register(String subject, Schema schema) {
        return store.register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        return store.schemaById(id);
    }

    @Override
    public List<String> subjects() {
        return store.subjects();
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return store.version(subject, SchemaStore.LATEST);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return store.lookup(subject, schema).id();
    }
}
