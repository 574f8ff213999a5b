package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.galley.registry.RegisteredSchema;
import org.galley.registry.RegistryException;
import org.junit.jupiter.api.Test;

class SchemaStoreReplayTest {

    private static final Schema TEXT = Schema.create(Schema.Type.STRING);
    private static final Schema NUMBER = Schema.create(Schema.Type.LONG);
    private static final Schema FLAG = Schema.create(Schema.Type.BOOLEAN);

    private final List<SchemaLogRecord> journal = new ArrayList<>();
    private final SchemaStore store = new SchemaStore(journal::addAll);

    @Test
    void aStoreRebuiltFromItsJournalHasTheSameIdsVersionsDeletionsAndLevels() {
        store.subjectLevel("mixed", CompatibilityLevel.NONE);
        store.globalLevel(CompatibilityLevel.FULL);
        store.register("mixed", TEXT);
        store.register("mixed", NUMBER);
        store.register("other", NUMBER);
        store.deleteVersion("mixed", 1);
        store.subjectLevel("other", CompatibilityLevel.FORWARD);
        store.deleteSubjectLevel("other");

        SchemaStore rebuilt = new SchemaStore(journal::addAll);
        rebuilt.replay(List.copyOf(journal));

        assertThat(rebuilt.versions("mixed")).containsExactly(2);
        assertThat(rebuilt.version("mixed", 2)).isEqualTo(new RegisteredSchema("mixed", 2, 2, NUMBER));
        assertThat(rebuilt.version("other", 1)).isEqualTo(new RegisteredSchema("other", 2, 1, NUMBER));
        assertThat(rebuilt.schemaById(1)).isEqualTo(TEXT);
        assertThat(rebuilt.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(rebuilt.subjectLevel("mixed")).contains(CompatibilityLevel.NONE);
        assertThat(rebuilt.subjectLevel("other")).isEmpty();
    }

    @Test
    void aRebuiltStoreHandsOutTheNextIdAndVersionNeverOneAlreadyUsed() {
        store.subjectLevel("mixed", CompatibilityLevel.NONE);
        store.register("mixed", TEXT);
        store.register("mixed", NUMBER);
        store.deleteSubject("mixed");

        SchemaStore rebuilt = new SchemaStore(journal::addAll);
        rebuilt.replay(List.copyOf(journal));

        assertThat(rebuilt.register("mixed", FLAG)).isEqualTo(3);
        assertThat(rebuilt.versions("mixed")).containsExactly(3);
        assertThat(rebuilt.register("again", TEXT)).as("the same schema keeps its id").isEqualTo(1);
    }

    @Test
    void aChangeTheJournalCannotKeepIsNotApplied() {
        store.register("texts", TEXT);
        SchemaStore failing = new SchemaStore(records -> {
            throw new IllegalStateException("broker down");
        });
        failing.replay(List.copyOf(journal));

        assertThatThrownBy(() -> failing.register("numbers", NUMBER)).hasMessageContaining("broker down");
        assertThatThrownBy(() -> failing.deleteSubject("texts")).hasMessageContaining("broker down");

        assertThat(failing.subjects()).containsExactly("texts");
        assertThatThrownBy(() -> failing.schemaById(2)).isInstanceOf(RegistryException.class);
        store.register("numbers", NUMBER);
        assertThat(journal).hasSize(2);
    }
}
