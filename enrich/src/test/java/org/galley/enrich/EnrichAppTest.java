package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.junit.jupiter.api.Test;

class EnrichAppTest {

    @Test
    void createWiresTheServiceWithoutTouchingKafka() {
        GalleyService service = EnrichApp.create(new ServiceConfig(Map.of()));

        assertThat(service.name()).isEqualTo("galley-enrich");
        assertThat(service.isHealthy()).isFalse();
    }

    @Test
    void aBrokenVocabularyStopsTheServiceBeforeItStarts() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_VOCABULARY_FILE", "/no/such/vocabulary.yaml"));

        assertThatThrownBy(() -> EnrichApp.create(config)).hasMessageContaining("/no/such/vocabulary.yaml");
    }
}
