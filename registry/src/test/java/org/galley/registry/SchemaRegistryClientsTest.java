package org.galley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    private static final Schema TEXT = Schema.create(Schema.Type.STRING);

    @Test
    void mockUrlsOfTheSameScopeShareOneRegistryUntilTheScopeIsDropped() {
        SchemaRegistryClient writer = SchemaRegistryClients.forUrl("mock://shared-scope");
        SchemaRegistryClient reader = SchemaRegistryClients.forUrl("mock://shared-scope");
        SchemaRegistryClient elsewhere = SchemaRegistryClients.forUrl("mock://other-scope");

        int id = writer.register("notes-value", TEXT);

        assertThat(reader.schemaById(id)).isEqualTo(TEXT);
        assertThat(reader.idOf("notes-value", TEXT)).isEqualTo(id);
        assertThat(elsewhere.subjects()).isEmpty();

        SchemaRegistryClients.dropMockScope("shared-scope");
        assertThat(SchemaRegistryClients.forUrl("mock://shared-scope").subjects()).isEmpty();
        SchemaRegistryClients.dropMockScope("other-scope");
    }

    @Test
    void mockRegistryAnswersMissingSchemasWithConfluentErrorCodes() {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mock://errors-scope");

        assertThatThrownBy(() -> registry.schemaById(7))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.latest("nothing-value"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.idOf("nothing-value", TEXT))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
        SchemaRegistryClients.dropMockScope("errors-scope");
    }

    @Test
    void commaSeparatedHttpUrlsAreParsedInOrder() {
        assertThat(SchemaRegistryClients.httpUrls("http://a:8081, https://b:8082/ ,"))
                .containsExactly(URI.create("http://a:8081/"), URI.create("https://b:8082/"));
    }

    @Test
    void urlsThatAreNeitherHttpNorMockAreRejected() {
        assertThatThrownBy(() -> SchemaRegistryClients.forUrl("ftp://registry"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mock://");
        assertThatThrownBy(() -> SchemaRegistryClients.forUrl(" , "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
