package org.galley.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.Test;

class RenderAppTest {

    @Test
    void createWiresTheServiceWithoutTouchingKafka() {
        GalleyService service = RenderApp.create(new ServiceConfig(Map.of()));

        assertThat(service.name()).isEqualTo("galley-render");
        assertThat(service.isHealthy()).isFalse();
    }

    @Test
    void misconfiguredBrandingStopsTheServiceBeforeItStarts() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_SITE_PAPER_COLOR", "url(https://tracker.example/x)"));

        assertThatThrownBy(() -> RenderApp.create(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GALLEY_SITE_PAPER_COLOR");
    }
}
