package org.galley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;

/**
 * The public submission contract newsroom tools code against. Changing it breaks them, so its shape is pinned
 * here: the required fields with their types, and a default on every field beyond them.
 */
class SubmissionContractTest {

    private static final Schema SCHEMA = ArticleSubmitted.getClassSchema();
    private static final List<String> REQUIRED = List.of("articleId", "revision", "action", "headline", "dek",
            "byline", "category", "bodyMarkdown", "hero", "tags", "submittedAt", "source");

    @Test
    void theContractStartsWithTheDocumentedFieldsInOrder() {
        assertThat(SCHEMA.getFields().stream().map(Field::name).limit(REQUIRED.size())).containsExactlyElementsOf(REQUIRED);
        assertThat(SCHEMA.getFullName()).isEqualTo("org.galley.events.ArticleSubmitted");
    }

    @Test
    void theDocumentedFieldsHaveTheDocumentedTypes() {
        assertThat(type("articleId")).isEqualTo(Schema.Type.STRING);
        assertThat(type("revision")).isEqualTo(Schema.Type.LONG);
        assertThat(SCHEMA.getField("action").schema().getEnumSymbols()).containsExactly("PUBLISH", "UNPUBLISH");
        assertThat(nullableOf("dek").getType()).isEqualTo(Schema.Type.STRING);
        Schema hero = nullableOf("hero");
        assertThat(hero.getFields().stream().map(Field::name)).containsExactly("url", "alt", "caption", "credit");
        assertThat(SCHEMA.getField("tags").schema().getElementType().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(SCHEMA.getField("submittedAt").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(type("source")).isEqualTo(Schema.Type.STRING);
    }

    @Test
    void everyFurtherFieldIsOptionalWithADefault() {
        Set<String> required = Set.copyOf(REQUIRED);
        assertThat(SCHEMA.getFields().stream().filter(field -> !required.contains(field.name())))
                .isNotEmpty()
                .allSatisfy(field -> assertThat(field.hasDefaultValue()).as(field.name() + " has a default").isTrue());
    }

    private static Schema.Type type(String field) {
        return SCHEMA.getField(field).schema().getType();
    }

    private static Schema nullableOf(String field) {
        Schema union = SCHEMA.getField(field).schema();
        assertThat(union.getType()).isEqualTo(Schema.Type.UNION);
        assertThat(union.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
        assertThat(SCHEMA.getField(field).hasDefaultValue()).isTrue();
        return union.getTypes().get(1);
    }
}
