package org.galley.enrich;

import java.nio.file.Path;
import java.util.Map;

import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.tags.Tagger;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.tags.VocabularyFile;
import org.galley.enrich.tags.StoryTagger;
import org.galley.enrich.text.ReadingSettings;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;

/**
 * Everything enrich's newsroom logic is tuned by.
 *
 * <table>
 *   <caption>Variables read by {@link #fromConfig}</caption>
 *   <tr><td>{@code GALLEY_READING_WPM}</td><td>words read per minute (238)</td></tr>
 *   <tr><td>{@code GALLEY_READING_SECONDS_PER_IMAGE}</td><td>seconds per image, the hero included (12)</td></tr>
 *   <tr><td>{@code GALLEY_READING_CJK_CPM}</td><td>Chinese, Japanese and Korean characters per minute (500)</td></tr>
 *   <tr><td>{@code GALLEY_VOCABULARY_FILE}</td><td>a YAML vocabulary to use instead of the bundled one</td></tr>
 *   <tr><td>{@code GALLEY_TAGS_MAX}</td><td>at most this many tags, unless the editor gave more (8)</td></tr>
 *   <tr><td>{@code GALLEY_RELATED_MAX}</td><td>related stories per page (3)</td></tr>
 *   <tr><td>{@code GALLEY_RELATED_INCLUDE_NEWER}</td><td>may a story link to newer ones (false)</td></tr>
 *   <tr><td>{@code GALLEY_RELATED_WINDOW}</td><td>stories per tag a story is compared with (50)</td></tr>
 *   <tr><td>{@code GALLEY_SITE_*}</td><td>the site, for canonical URLs (see {@link SiteSettings})</td></tr>
 * </table>
 *
 * @param reading    reading speeds for the reading time
 * @param vocabulary the subjects stories are tagged with
 * @param maxTags    the tag cap
 * @param related    how related stories are chosen
 * @param site       the site, for canonical URLs
 */
public record EnrichSettings(ReadingSettings reading, Vocabulary vocabulary, int maxTags, RelatedSettings related,
                             SiteSettings site) {

    public EnrichSettings {
        if (maxTags < 1) {
            throw new IllegalArgumentException("GALLEY_TAGS_MAX must be at least 1, was " + maxTags);
        }
    }

    public static EnrichSettings fromConfig(ServiceConfig config) {
        ReadingSettings reading = ReadingSettings.DEFAULTS;
        RelatedSettings related = RelatedSettings.DEFAULTS;
        return new EnrichSettings(
                new ReadingSettings(
                        atLeast(config, "GALLEY_READING_WPM", 1, reading.wordsPerMinute()),
                        atLeast(config, "GALLEY_READING_SECONDS_PER_IMAGE", 0, reading.secondsPerImage()),
                        atLeast(config, "GALLEY_READING_CJK_CPM", 1, reading.cjkCharactersPerMinute())),
                config.find("GALLEY_VOCABULARY_FILE").map(Path::of).map(VocabularyFile::read)
                        .orElseGet(VocabularyFile::bundled),
                atLeast(config, "GALLEY_TAGS_MAX", 1, StoryTagger.DEFAULT_MAX_TAGS),
                new RelatedSettings(
                        atLeast(config, "GALLEY_RELATED_MAX", 0, related.maxStories()),
                        config.getBoolean("GALLEY_RELATED_INCLUDE_NEWER", related.includeNewer()),
                        atLeast(config, "GALLEY_RELATED_WINDOW", 1, related.window())),
                SiteSettings.fromConfig(config));
    }

    /** The defaults: Stack Digest, the bundled vocabulary, Brysbaert's reading speed. */
    public static EnrichSettings defaults() {
        return fromConfig(new ServiceConfig(Map.of()));
    }

    /** The tagger these settings describe. */
    public Tagger tagger() {
        return new StoryTagger(vocabulary, maxTags);
    }

    private static int atLeast(ServiceConfig config, String name, int minimum, int defaultValue) {
        int value = config.getInt(name, defaultValue);
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }
}
