package org.galley.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.galley.ingest.IngestSettings;
import org.galley.ingest.intake.SubmissionDecoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code ingest/openapi.yaml} describes exactly the API the server serves, so the two cannot drift apart. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("user.dir"), "openapi.yaml"))) {
            document = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @Test
    void itIsAnOpenApi31Document() {
        assertThat(document.get("openapi").toString()).startsWith("3.1.");
        assertThat(map(map(document, "components"), "securitySchemes")).containsKey("ingestToken");
    }

    @Test
    void everyRouteTheServerServesIsDocumentedAndNothingElse() {
        try (FrontDoor front = FrontDoor.open()) {
            Set<String> documented = new TreeSet<>();
            map(document, "paths").forEach((path, item) -> ((Map<?, ?>) item).keySet().stream()
                    .map(Object::toString).filter(METHODS::contains)
                    .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

            assertThat(documented).containsExactlyInAnyOrderElementsOf(front.server.routes());
        }
    }

    @Test
    void everySecuredOperationDocumentsItsUnauthorizedAnswer() {
        map(document, "paths").forEach((path, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
            if (METHODS.contains(method.toString()) && !((Map<?, ?>) operation).containsKey("security")) {
                assertThat(map((Map<?, ?>) operation, "responses")).as(method + " " + path).containsKey("401");
            }
        }));
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<?, ?>) target).get(part);
                assertThat(target).as(ref).isNotNull();
            }
        });
    }

    @Test
    void theDocumentedShapesHaveTheFieldsTheServerWrites() {
        assertThat(properties("Status")).containsExactlyInAnyOrderElementsOf(components(StatusView.class));
        assertThat(properties("StatusBatch")).containsExactlyInAnyOrderElementsOf(components(StatusBatch.class));
        assertThat(properties("Problem")).containsExactlyInAnyOrderElementsOf(components(Problem.class));
        assertThat(properties("FieldError")).containsExactlyInAnyOrderElementsOf(components(Problem.FieldError.class));
        assertThat(properties("Receipt")).containsExactlyInAnyOrderElementsOf(components(ArticleEndpoints.Receipt.class));
        assertThat(properties("Submission")).containsExactlyInAnyOrderElementsOf(SubmissionDecoder.JSON_KEYS);
        assertThat(((List<?>) document.get("servers")).toString()).contains("localhost:" + IngestSettings.DEFAULT_PORT);
    }

    private static Set<String> properties(String schema) {
        return map(map(map(map(document, "components"), "schemas"), schema), "properties").keySet().stream()
                .map(Object::toString).collect(Collectors.toSet());
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add(value.toString());
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
