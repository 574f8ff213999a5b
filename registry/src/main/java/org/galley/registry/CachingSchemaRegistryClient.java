package org.galley.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers what never changes in a registry: the schema behind each global id, and the id of each
 * schema under each subject. Asks the wrapped client only on a miss; subjects and latest versions
 * change, so those calls always go through.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    CachingSchemaRegistryClient(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        return remember(key, registry.register(subject, schema));
    }

    @Override
    public int idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        return remember(key, registry.idOf(subject, schema));
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = registry.schemaById(id);
        Schema earlier = schemasById.putIfAbsent(id, schema);
        return earlier == null ? schema : earlier;
    }

    @Override
    public List<String> subjects() {
        return registry.subjects();
    }

    @Override
    public RegisteredSchema latest(String subject) {
        RegisteredSchema latest = registry.latest(subject);
        schemasById.putIfAbsent(latest.id(), latest.schema());
        return latest;
    }

    private int remember(SubjectSchema key, int id) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, key.schema());
        return id;
    }
}
