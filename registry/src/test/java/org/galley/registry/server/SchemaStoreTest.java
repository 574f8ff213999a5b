package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.galley.registry.RegisteredSchema;
import org.galley.registry.RegistryException;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    private static final Schema TEXT = Schema.create(Schema.Type.STRING);
    private static final Schema NUMBER = Schema.create(Schema.Type.LONG);

    private final SchemaStore store = new SchemaStore();

    @Test
    void idsAreGlobalAndVersionsArePerSubject() {
        store.subjectLevel("mixed", CompatibilityLevel.NONE);

        assertThat(store.register("mixed", TEXT)).isEqualTo(1);
        assertThat(store.register("mixed", NUMBER)).isEqualTo(2);
        assertThat(store.register("texts", TEXT)).isEqualTo(1);
        assertThat(store.register("mixed", TEXT)).isEqualTo(1);

        assertThat(store.versions("mixed")).containsExactly(1, 2);
        assertThat(store.version("mixed", SchemaStore.LATEST)).isEqualTo(new RegisteredSchema("mixed", 2, 2, NUMBER));
        assertThat(store.lookup("texts", TEXT)).isEqualTo(new RegisteredSchema("texts", 1, 1, TEXT));
    }

    @Test
    void schemasThatDifferOnlyInDocumentationGetDistinctIds() {
        Schema plain = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}");
        Schema documented = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"doc\":\"why\",\"fields\":[]}");

        assertThat(store.register("a", plain)).isNotEqualTo(store.register("b", documented));
    }

    @Test
    void deletedVersionNumbersAreNotReused() {
        store.subjectLevel("s", CompatibilityLevel.NONE);
        store.register("s", TEXT);
        store.register("s", NUMBER);

        assertThat(store.deleteVersion("s", SchemaStore.LATEST)).isEqualTo(2);
        store.register("s", NUMBER);

        assertThat(store.versions("s")).containsExactly(1, 3);
    }

    @Test
    void anIncompatibleSchemaIsRefusedAndLeavesNoTrace() {
        store.register("s", TEXT);

        assertThatThrownBy(() -> store.register("s", NUMBER))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
        assertThat(store.versions("s")).containsExactly(1);
        assertThatThrownBy(() -> store.schemaById(2)).isInstanceOf(RegistryException.class);
    }
}
