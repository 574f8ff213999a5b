package org.galley.enrich.story;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.galley.enrich.related.StorySummary;

/** A {@link StoryIndex} in maps, for tests. */
final class InMemoryStoryIndex implements StoryIndex {

    final Map<String, StorySummary> stories = new LinkedHashMap<>();
    final Map<String, String> slugs = new LinkedHashMap<>();

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
