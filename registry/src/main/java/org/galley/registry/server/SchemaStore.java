package org.galley.registry.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.galley.registry.RegisteredSchema;
import org.galley.registry.RegistryException;

/**
 * The registry's state, in memory: schemas by global id, each subject's versions, and the global and
 * per-subject compatibility levels. It follows Confluent's rules: the same schema (by its canonical
 * JSON) keeps one global id across subjects, registering a schema a subject already holds adds no
 * version, and a new version must pass the subject's compatibility level. Version numbers are not
 * reused after a delete. Failures are {@link RegistryException}s with Confluent's error codes.
 * Safe for concurrent use.
 *
 * <p>Every change is first written to its {@link SchemaJournal} (in Confluent's {@code _schemas} record format,
 * {@link SchemaLogRecord}) and applied only once the journal has it, so an id is never handed out twice, even
 * across restarts; {@link #replay} rebuilds a store from those records.
 */
public final class SchemaStore {

    /** Stands for "the newest version" wherever a version number is taken. */
    public static final int LATEST = -1;

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int lastId;
    private final SchemaJournal journal;

    /** A store kept in memory only. */
    public SchemaStore() {
        this(SchemaJournal.NONE);
    }

    SchemaStore(SchemaJournal journal) {
        this.journal = journal;
    }

    /** One subject's live versions (number to global id), and the last number it handed out. */
    private static final class Subject {
        final TreeMap<Integer, Integer> idsByVersion = new TreeMap<>();
        int lastVersion;
    }

    /** Registers the schema under the subject and returns its global id; 409 if incompatible. */
    public synchronized int register(String subject, Schema schema) {
        Subject versions = subjects.computeIfAbsent(subject, s -> new Subject());
        Optional<Integer> existing = versionOf(versions, schema);
        if (existing.isPresent()) {
            return versions.idsByVersion.get(existing.get());
        }
        List<String> problems = level(subject).problems(schema, schemasOf(versions));
        if (!problems.isEmpty()) {
            throw RegistryException.incompatible(subject, problems);
        }
        Integer known = idsByCanonical.get(schema.toString());
        int id = known != null ? known : lastId + 1;
        SchemaLogRecord.SchemaVersion added =
                new SchemaLogRecord.SchemaVersion(subject, versions.lastVersion + 1, id, schema.toString(), false);
        journal.append(List.of(added));
        apply(added);
        return id;
    }

    /** Applies changes read back from a journal, oldest first, as they were made. */
    synchronized void replay(List<SchemaLogRecord> records) {
        records.forEach(this::apply);
    }

    private void apply(SchemaLogRecord record) {
        if (record instanceof SchemaLogRecord.SchemaVersion version) {
            schemasById.computeIfAbsent(version.id(), id -> new Schema.Parser().parse(version.schema()));
            idsByCanonical.putIfAbsent(version.schema(), version.id());
            lastId = Math.max(lastId, version.id());
            Subject versions = subjects.computeIfAbsent(version.subject(), s -> new Subject());
            versions.lastVersion = Math.max(versions.lastVersion, version.version());
            if (version.deleted()) {
                versions.idsByVersion.remove(version.version());
            } else {
                versions.idsByVersion.put(version.version(), version.id());
            }
        } else if (record instanceof SchemaLogRecord.LevelChange change) {
            if (change.subject() == null) {
                globalLevel = change.level() == null ? CompatibilityLevel.BACKWARD : change.level();
            } else if (change.level() == null) {
                subjectLevels.remove(change.subject());
            } else {
                subjectLevels.put(change.subject(), change.level());
            }
        }
    }

    /** The version of the subject holding this schema; 40401 or 40403 if there is none. */
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        Subject versions = liveSubject(subject);
        int version = versionOf(versions, schema).orElseThrow(() -> RegistryException.schemaNotUnderSubject(subject));
        return registered(subject, version, versions.idsByVersion.get(version));
    }

    /** The schema with this global id; 40403 if there is none. */
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound(id);
        }
        return schema;
    }

    /** Every live (subject, version) that uses the schema with this global id; 40403 if there is none. */
    public synchronized List<RegisteredSchema> usesOf(int id) {
        Schema schema = schemaById(id);
        List<RegisteredSchema> uses = new ArrayList<>();
        subjects.forEach((subject, versions) -> versions.idsByVersion.forEach((version, versionId) -> {
            if (versionId == id) {
                uses.add(new RegisteredSchema(subject, id, version, schema));
            }
        }));
        return uses;
    }

    /** Subjects with at least one live version, sorted. */
    public synchronized List<String> subjects() {
        return subjects.entrySet().stream()
                .filter(entry -> !entry.getValue().idsByVersion.isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The subject's live version numbers, oldest first; 40401 if it has none. */
    public synchronized List<Integer> versions(String subject) {
        return List.copyOf(liveSubject(subject).idsByVersion.keySet());
    }

    /** One version of the subject, or its newest for {@link #LATEST}; 40401 or 40402 if absent. */
    public synchronized RegisteredSchema version(String subject, int version) {
        Subject versions = liveSubject(subject);
        int number = version == LATEST ? versions.idsByVersion.lastKey() : version;
        Integer id = versions.idsByVersion.get(number);
        if (id == null) {
            throw RegistryException.versionNotFound(subject, version);
        }
        return registered(subject, number, id);
    }

    /** Deletes every version of the subject and returns their numbers; 40401 if it has none. */
    public synchronized List<Integer> deleteSubject(String subject) {
        Subject versions = liveSubject(subject);
        List<Integer> deleted = List.copyOf(versions.idsByVersion.keySet());
        List<SchemaLogRecord> deletions = versions.idsByVersion.entrySet().stream()
                .map(entry -> deleted(subject, entry.getKey(), entry.getValue()))
                .toList();
        journal.append(deletions);
        deletions.forEach(this::apply);
        return deleted;
    }

    /** Deletes one version (or the newest, for {@link #LATEST}) and returns its number. */
    public synchronized int deleteVersion(String subject, int version) {
        RegisteredSchema found = version(subject, version);
        SchemaLogRecord deletion = deleted(subject, found.version(), found.id());
        journal.append(List.of(deletion));
        apply(deletion);
        return found.version();
    }

    /**
     * Why the candidate may not be registered under the subject as it stands (its level against its
     * versions); empty when it may, or when the subject is new.
     */
    public synchronized List<String> compatibilityProblems(String subject, Schema candidate) {
        Subject versions = subjects.get(subject);
        return versions == null ? List.of() : level(subject).problems(candidate, schemasOf(versions));
    }

    /** Why the candidate is not compatible with one version of the subject under the subject's level. */
    public synchronized List<String> compatibilityProblems(String subject, int version, Schema candidate) {
        return level(subject).problems(candidate, List.of(version(subject, version).schema()));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized void globalLevel(CompatibilityLevel level) {
        change(new SchemaLogRecord.LevelChange(null, level));
    }

    /** The level set for this subject alone, if any. */
    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void subjectLevel(String subject, CompatibilityLevel level) {
        change(new SchemaLogRecord.LevelChange(subject, level));
    }

    /** Removes the subject's own level and returns it; 40408 if it had none. */
    public synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel removed = subjectLevels.get(subject);
        if (removed == null) {
            throw RegistryException.subjectLevelNotConfigured(subject);
        }
        change(new SchemaLogRecord.LevelChange(subject, null));
        return removed;
    }

    /** The level that applies to the subject: its own, else the global one. */
    public synchronized CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private void change(SchemaLogRecord.LevelChange change) {
        journal.append(List.of(change));
        apply(change);
    }

    private SchemaLogRecord deleted(String subject, int version, int id) {
        return new SchemaLogRecord.SchemaVersion(subject, version, id, schemasById.get(id).toString(), true);
    }

    private Subject liveSubject(String subject) {
        Subject versions = subjects.get(subject);
        if (versions == null || versions.idsByVersion.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private Optional<Integer> versionOf(Subject versions, Schema schema) {
        Integer id = idsByCanonical.get(schema.toString());
        if (id == null) {
            return Optional.empty();
        }
        return versions.idsByVersion.entrySet().stream()
                .filter(entry -> entry.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private List<Schema> schemasOf(Subject versions) {
        return versions.idsByVersion.values().stream().map(schemasById::get).toList();
    }

    private RegisteredSchema registered(String subject, int version, int id) {
        return new RegisteredSchema(subject, id, version, schemasById.get(id));
    }
}
