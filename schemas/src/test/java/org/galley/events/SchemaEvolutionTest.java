package org.galley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events on Galley's topics are contracts with consumers nobody at Galley knows, so each may only evolve
 * both ways, against every version ever released ({@code schemas/released/<Event>/<version>.avsc}): a consumer
 * built on an old version reads new events (forward), and new code reads every old event still on the topics,
 * which keep everything (backward). This is the build-time half of the rule; a registry at FULL_TRANSITIVE
 * enforces the same at run time. When a change ships, its schema is added there as the next version.
 */
class SchemaEvolutionTest {

    private static final Path RELEASED = Path.of("released");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every event a topic carries, by its generated class. */
    static Stream<Schema> events() {
        return Stream.of(ArticleSubmitted.getClassSchema(), ArticleAccepted.getClassSchema(),
                ArticleRejected.getClassSchema(), ArticleEnriched.getClassSchema(), ArticlePublished.getClassSchema(),
                PublishedPage.getClassSchema(), CacheInvalidation.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventReadsAndIsReadByEveryReleasedVersion(Schema current) throws IOException {
        List<Schema> released = released(current.getName());
        assertThat(released).as("released versions of %s in %s", current.getName(), RELEASED).isNotEmpty();
        for (Schema old : released) {
            assertCompatible(current, old);
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void anOptionalFieldWithADefaultCanBeAdded(Schema current) throws IOException {
        Schema added = changed(current, record -> {
            ObjectNode field = ((ArrayNode) record.get("fields")).addObject();
            field.put("name", "addedLater");
            field.putArray("type").add("null").add("string");
            field.putNull("default");
        });

        for (Schema old : released(current.getName())) {
            assertCompatible(added, old);
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void aRequiredFieldCanNeitherBeAddedNorRemoved(Schema current) throws IOException {
        Schema withRequired = changed(current, record -> {
            ObjectNode field = ((ArrayNode) record.get("fields")).addObject();
            field.put("name", "requiredLater");
            field.put("type", "string");
        });
        Schema.Field required = current.getFields().stream().filter(field -> !field.hasDefaultValue()).findFirst()
                .orElseThrow();
        Schema withoutRequired = changed(current, record -> ((ArrayNode) record.get("fields")).remove(required.pos()));

        for (Schema old : released(current.getName())) {
            assertThat(compatibility(withRequired, old))
                    .as("new code cannot read old events without requiredLater").isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
            assertThat(compatibility(old, withoutRequired))
                    .as("old consumers cannot read events without %s", required.name()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        }
    }

    private static void assertCompatible(Schema current, Schema old) {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getResult().getIncompatibilities())
                .as("%s reads events written with a released version (backward)", current.getName()).isEmpty();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(old, current).getResult().getIncompatibilities())
                .as("a consumer on a released version of %s reads the current events (forward)", current.getName()).isEmpty();
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

    private static List<Schema> released(String event) throws IOException {
        Path dir = RELEASED.resolve(event);
        List<Schema> versions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".avsc")).sorted().toList()) {
                versions.add(new Schema.Parser().parse(file.toFile()));
            }
        }
        return versions;
    }

    /** The schema with its top-level record changed as JSON. */
    private static Schema changed(Schema schema, Consumer<ObjectNode> change) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(schema.toString());
        change.accept(record);
        return new Schema.Parser().parse(JSON.writeValueAsString(record));
    }
}
