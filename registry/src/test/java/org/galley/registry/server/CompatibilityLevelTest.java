package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.galley.registry.RegistryException;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static final Schema ID_ONLY = parse("[{\"name\":\"id\",\"type\":\"string\"}]");
    private static final Schema WITH_TITLE = parse("[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"title\",\"type\":\"string\"}]");
    private static final Schema WITH_TITLE_DEFAULTED =
            parse("[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"title\",\"type\":\"string\",\"default\":\"\"}]");
    private static final Schema ID_AS_INT = parse("[{\"name\":\"id\",\"type\":\"int\"}]");

    @Test
    void backwardLetsTheNewSchemaAddOnlyDefaultedFields() {
        assertThat(CompatibilityLevel.BACKWARD.problems(WITH_TITLE_DEFAULTED, List.of(ID_ONLY))).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD.problems(WITH_TITLE, List.of(ID_ONLY)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("BACKWARD");
    }

    @Test
    void forwardLetsTheNewSchemaDropOnlyFieldsTheOldOneDefaults() {
        assertThat(CompatibilityLevel.FORWARD.problems(WITH_TITLE, List.of(ID_ONLY))).isEmpty();
        assertThat(CompatibilityLevel.FORWARD.problems(ID_ONLY, List.of(WITH_TITLE))).isNotEmpty();
        assertThat(CompatibilityLevel.FORWARD.problems(ID_ONLY, List.of(WITH_TITLE_DEFAULTED))).isEmpty();
    }

    @Test
    void fullNeedsBothDirections() {
        assertThat(CompatibilityLevel.FULL.problems(WITH_TITLE_DEFAULTED, List.of(ID_ONLY))).isEmpty();
        assertThat(CompatibilityLevel.FULL.problems(WITH_TITLE, List.of(ID_ONLY))).isNotEmpty();
        assertThat(CompatibilityLevel.FULL.problems(ID_ONLY, List.of(WITH_TITLE))).isNotEmpty();
    }

    @Test
    void nonTransitiveLevelsCompareWithTheNewestEarlierSchemaOnly() {
        List<Schema> history = List.of(ID_AS_INT, ID_ONLY);

        assertThat(CompatibilityLevel.BACKWARD.problems(WITH_TITLE_DEFAULTED, history)).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(WITH_TITLE_DEFAULTED, history)).isNotEmpty();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.problems(WITH_TITLE_DEFAULTED, history)).isNotEmpty();
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(WITH_TITLE_DEFAULTED, history)).isNotEmpty();
    }

    @Test
    void noneAcceptsAnythingAndAFirstSchemaIsAlwaysAccepted() {
        assertThat(CompatibilityLevel.NONE.problems(ID_AS_INT, List.of(WITH_TITLE))).isEmpty();
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(ID_AS_INT, List.of())).isEmpty();
    }

    @Test
    void levelsParseInAnyCaseAndUnknownOnesAre42203() {
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThatThrownBy(() -> CompatibilityLevel.parse("LOOSE"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
        assertThatThrownBy(() -> CompatibilityLevel.parse(null)).isInstanceOf(RegistryException.class);
    }

    private static Schema parse(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Article\",\"fields\":" + fields + "}");
    }
}
