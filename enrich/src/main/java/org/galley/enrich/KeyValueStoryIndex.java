package org.galley.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.enrich.related.Listing;
import org.galley.enrich.related.Position;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.story.StoryIndex;
import org.galley.events.ArticleEnriched;

/**
 * The {@link StoryIndex} as five state stores of the single index task, each keyed for the question it answers:
 *
 * <ul>
 *   <li>{@code story-index}: articleId to {@link StorySummary} (JSON);</li>
 *   <li>{@code slug-claims}: slug to articleId;</li>
 *   <li>{@code stories-by-tag}: {@code tagSlug \0 time \0 articleId} ({@link ListingKeys}) to the story's tag
 *       slugs joined by {@code \0}, so the related-story ranking reads no summary but the chosen few;</li>
 *   <li>{@code stories-by-time}: {@code time \0 articleId} to articleId;</li>
 *   <li>{@code story-drafts}: articleId to the story's latest PUBLISH draft (Avro, as on the enriched topic).</li>
 * </ul>
 *
 * <p>Only live stories are in the two listing stores, whose keys sort in publication order, so "the latest N of
 * tag t before this story" is one bounded reverse range scan. All five are changelogged, and written in the same
 * transaction as the output, so under exactly-once they never disagree with what was published.
 */
final class KeyValueStoryIndex implements StoryIndex {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String TAG_SEPARATOR = "\u0000";

    private final KeyValueStore<String, StorySummary> stories;
    private final KeyValueStore<String, String> slugs;
    private final KeyValueStore<String, String> byTag;
    private final KeyValueStore<String, String> byTime;
    private final KeyValueStore<String, ArticleEnriched> drafts;

    KeyValueStoryIndex(KeyValueStore<String, StorySummary> stories, KeyValueStore<String, String> slugs,
                       KeyValueStore<String, String> byTag, KeyValueStore<String, String> byTime,
                       KeyValueStore<String, ArticleEnriched> drafts) {
        this.stories = stories;
        this.slugs = slugs;
        this.byTag = byTag;
        this.byTime = byTime;
        this.drafts = drafts;
    }

    /**
     * Summaries as JSON: the index is private to enrich, and a later version reads older summaries leniently
     * (unknown fields ignored, missing lists empty), so the record can grow without a migration. Only the few
     * summaries a story links to are read per story, so the format's cost does not grow with the archive.
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
    public void list(StorySummary story) {
        Position position = story.position();
        byTime.put(ListingKeys.timeKey(position), story.articleId());
        String tags = String.join(TAG_SEPARATOR, story.tagSlugs());
        for (String tag : story.tagSlugs()) {
            byTag.put(ListingKeys.tagKey(tag, position), tags);
        }
    }

    @Override
    public void unlist(StorySummary story) {
        Position position = story.position();
        byTime.delete(ListingKeys.timeKey(position));
        for (String tag : story.tagSlugs()) {
            byTag.delete(ListingKeys.tagKey(tag, position));
        }
    }

    @Override
    public List<Listing> earlierInTag(String tagSlug, Position position, int limit) {
        // Both bounds are inclusive: the story's own key, if listed, is skipped.
        try (KeyValueIterator<String, String> entries =
                     byTag.reverseRange(ListingKeys.tagStart(tagSlug), ListingKeys.tagKey(tagSlug, position))) {
            return listings(tagSlug, position, entries, limit);
        }
    }

    @Override
    public List<Listing> laterInTag(String tagSlug, Position position, int limit) {
        try (KeyValueIterator<String, String> entries =
                     byTag.range(ListingKeys.tagKey(tagSlug, position), ListingKeys.tagEnd(tagSlug))) {
            return listings(tagSlug, position, entries, limit);
        }
    }

    @Override
    public List<Position> earlier(Position position, int limit) {
        // Open below: the timeline's start.
        try (KeyValueIterator<String, String> entries = byTime.reverseRange(null, ListingKeys.timeKey(position))) {
            return positions(position, entries, limit);
        }
    }

    @Override
    public List<Position> later(Position position, int limit) {
        try (KeyValueIterator<String, String> entries = byTime.range(ListingKeys.timeKey(position), null)) {
            return positions(position, entries, limit);
        }
    }

    @Override
    public Optional<ArticleEnriched> draft(String articleId) {
        return Optional.ofNullable(drafts.get(articleId));
    }

    @Override
    public void putDraft(ArticleEnriched draft) {
        drafts.put(draft.getSubmission().getArticleId(), draft);
    }

    @Override
    public void removeDraft(String articleId) {
        drafts.delete(articleId);
    }

    private static List<Listing> listings(String tagSlug, Position except, KeyValueIterator<String, String> entries,
                                          int limit) {
        List<Listing> listings = new ArrayList<>(Math.min(limit, 64));
        while (listings.size() < limit && entries.hasNext()) {
            KeyValue<String, String> entry = entries.next();
            Position position = ListingKeys.fromTagKey(tagSlug, entry.key);
            if (!position.equals(except)) {
                listings.add(new Listing(position, Arrays.asList(entry.value.split(TAG_SEPARATOR, -1))));
            }
        }
        return listings;
    }

    private static List<Position> positions(Position except, KeyValueIterator<String, String> entries, int limit) {
        List<Position> positions = new ArrayList<>(Math.min(limit, 64));
        while (positions.size() < limit && entries.hasNext()) {
            Position position = ListingKeys.fromTimeKey(entries.next().key);
            if (!position.equals(except)) {
                positions.add(position);
            }
        }
        return positions;
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
