package org.galley.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.galley.registry.RegistryException;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void pathSegmentsArePercentDecodedKeepingPlusSigns() {
        assertThat(ApiRequest.segments("/subjects/a%2Fb+c%20d/versions/")).containsExactly("subjects", "a/b+c d", "versions");
        assertThat(ApiRequest.segments("/")).isEmpty();
    }

    @Test
    void queryParametersAreParsed() {
        assertThat(ApiRequest.parameters("verbose=true&defaultToGlobal")).containsEntry("verbose", "true").containsEntry("defaultToGlobal", "");
    }

    @Test
    void versionsAreNumbersFromOneOrLatest() {
        assertThat(RegistryRoutes.parseVersion("3")).isEqualTo(3);
        assertThat(RegistryRoutes.parseVersion("latest")).isEqualTo(SchemaStore.LATEST);
        assertThat(RegistryRoutes.parseVersion("-1")).isEqualTo(SchemaStore.LATEST);
        assertThatThrownBy(() -> RegistryRoutes.parseVersion("0"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42202));
    }

    @Test
    void bodiesAreAcceptedAsConfluentOrPlainJson() {
        assertThat(RegistryHttpHandler.acceptsBody("application/vnd.schemaregistry.v1+json")).isTrue();
        assertThat(RegistryHttpHandler.acceptsBody("application/vnd.schemaregistry+json")).isTrue();
        assertThat(RegistryHttpHandler.acceptsBody("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(RegistryHttpHandler.acceptsBody("text/plain")).isFalse();
    }
}
