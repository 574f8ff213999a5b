package org.galley.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.galley.enrich.related.StorySummary;
import org.galley.enrich.story.StoryIndex;

/** A {@link StoryIndex} in two maps, so a benchmark measures the indexing logic and not a state store. */
final class MapStoryIndex implements StoryIndex {

    private final Map<String, StorySummary> stories = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();

    MapStoryIndex(List<StorySummary> summaries) {
        for (StorySummary story : summaries) {
            put(story);
            claimSlug(story.slug(), story.articleId());
        }
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
        return stories.values().stream();
    }
}
