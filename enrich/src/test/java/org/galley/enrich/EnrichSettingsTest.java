package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.text.ReadingSettings;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichSettingsTest {

    @Test
    void defaultsAreTheSourcedReadingSpeedsTheBundledVocabularyAndStackDigest() {
        EnrichSettings settings = EnrichSettings.defaults();

        assertThat(settings.reading()).isEqualTo(ReadingSettings.DEFAULTS);
        assertThat(settings.maxTags()).isEqualTo(8);
        assertThat(settings.related()).isEqualTo(new RelatedSettings(3, false, 20));
        assertThat(settings.vocabulary().terms()).extracting(Vocabulary.Term::name).contains("Claude", "Go");
        assertThat(settings.site()).isEqualTo(SiteSettings.stackDigest());
    }

    @Test
    void aNewsroomTunesEverythingFromTheEnvironment(@TempDir Path dir) throws IOException {
        Path vocabulary = dir.resolve("vocabulary.yaml");
        Files.writeString(vocabulary, "terms:\n  - name: Elections\n");
        EnrichSettings settings = EnrichSettings.fromConfig(new ServiceConfig(Map.of(
                "GALLEY_READING_WPM", "160",
                "GALLEY_READING_SECONDS_PER_IMAGE", "0",
                "GALLEY_READING_CJK_CPM", "400",
                "GALLEY_VOCABULARY_FILE", vocabulary.toString(),
                "GALLEY_TAGS_MAX", "5",
                "GALLEY_RELATED_MAX", "4",
                "GALLEY_RELATED_INCLUDE_NEWER", "true",
                "GALLEY_RELATED_WINDOW", "20",
                "GALLEY_SITE_BASE_URL", "https://news.example/")));

        assertThat(settings.reading()).isEqualTo(new ReadingSettings(160, 0, 400));
        assertThat(settings.vocabulary().terms()).extracting(Vocabulary.Term::name).containsExactly("Elections");
        assertThat(settings.maxTags()).isEqualTo(5);
        assertThat(settings.related()).isEqualTo(new RelatedSettings(4, true, 20));
        assertThat(settings.site().urlOf("/a/b/")).isEqualTo("https://news.example/a/b/");
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> EnrichSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_READING_WPM", "0"))))
                .hasMessage("GALLEY_READING_WPM must be at least 1, was 0");
        assertThatThrownBy(() -> EnrichSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_RELATED_WINDOW", "0"))))
                .hasMessage("GALLEY_RELATED_WINDOW must be at least 1, was 0");
        assertThatThrownBy(() -> EnrichSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_TAGS_MAX", "many"))))
                .hasMessageContaining("GALLEY_TAGS_MAX");
        assertThatThrownBy(() -> EnrichSettings.fromConfig(new ServiceConfig(Map.of("GALLEY_VOCABULARY_FILE", "/no/such/file.yaml"))))
                .hasMessageContaining("/no/such/file.yaml");
    }
}
