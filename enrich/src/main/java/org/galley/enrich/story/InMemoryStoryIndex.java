package org.galley.enrich.story;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.galley.enrich.related.StorySummary;

/**
 * A {@link StoryIndex} in two maps. The service keeps its index in state stores ({@code KeyValueStoryIndex});
 * this one serves the tests and the benchmark, where a state store would be measured instead of the logic.
 */
public final class InMemoryStoryIndex implements StoryIndex {

    private final Map<String, StorySummary> stories = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();

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
