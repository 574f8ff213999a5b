package org.galley.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.story.StoryIndex;

/**
 * The {@link StoryIndex} as two state stores of the single index task: {@code story-index} (articleId to
 * {@link StorySummary}) and {@code slug-claims} (slug to articleId). Both are changelogged, and written in the
 * same transaction as the output, so under exactly-once they never disagree with what was published.
 */
final class KeyValueStoryIndex implements StoryIndex {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final KeyValueStore<String, StorySummary> stories;
    private final KeyValueStore<String, String> slugs;

    KeyValueStoryIndex(KeyValueStore<String, StorySummary> stories, KeyValueStore<String, String> slugs) {
        this.stories = stories;
        this.slugs = slugs;
    }

    /**
     * Summaries as JSON: the index is private to enrich, and a later version reads older summaries leniently
     * (unknown fields ignored), so the record can grow without a migration.
     */
    static Serde<StorySummary> summarySerde() {
        return Serdes.serdeFrom(
                (topic, summary) -> summary == null ? null : write(summary),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    @Override
    public Optional<StorySummary> story(String articleId) {
        return Optional.ofNullable(stories.get(articleId));
    }

    @Override
    public void put(StorySummary story) {
        stories.put(story.articleId(), story);
    }

    @Override
    public Optional<String> slugOwner(String slug) {
        return Optional.ofNullable(slugs.get(slug));
    }

    @Override
    public void claimSlug(String slug, String articleId) {
        slugs.put(slug, articleId);
    }

    @Override
    public Stream<StorySummary> stories() {
        KeyValueIterator<String, StorySummary> all = stories.all();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED), false)
                .map(entry -> entry.value)
                .onClose(all::close);
    }

    private static byte[] write(StorySummary summary) {
        try {
            return JSON.writeValueAsBytes(summary);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the summary of story " + summary.articleId(), e);
        }
    }

    private static StorySummary read(byte[] bytes) {
        try {
            return JSON.readValue(bytes, StorySummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a story summary from the story index", e);
        }
    }
}
