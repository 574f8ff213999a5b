package org.galley.enrich.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.galley.enrich.related.Listing;
import org.galley.enrich.related.Position;
import org.galley.enrich.related.StorySummary;
import org.galley.events.ArticleEnriched;

/**
 * A {@link StoryIndex} in maps, sorted ones for the listings. The service keeps its index in state stores
 * ({@code KeyValueStoryIndex}); this one serves the tests and the benchmark, where a state store would be measured
 * instead of the logic. Both answer every question the same way (a shared contract test holds them to it).
 */
public final class InMemoryStoryIndex implements StoryIndex {

    private final Map<String, StorySummary> stories = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private final Map<String, NavigableMap<Position, Listing>> byTag = new HashMap<>();
    private final NavigableSet<Position> byTime = new TreeSet<>();
    private final Map<String, ArticleEnriched> drafts = new HashMap<>();

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
        Listing listing = Listing.of(story);
        byTime.add(listing.position());
        for (String tag : listing.tagSlugs()) {
            byTag.computeIfAbsent(tag, t -> new TreeMap<>()).put(listing.position(), listing);
        }
    }

    @Override
    public void unlist(StorySummary story) {
        Position position = story.position();
        byTime.remove(position);
        for (String tag : story.tagSlugs()) {
            NavigableMap<Position, Listing> listed = byTag.get(tag);
            if (listed != null) {
                listed.remove(position);
            }
        }
    }

    @Override
    public List<Listing> earlierInTag(String tagSlug, Position position, int limit) {
        return first(byTag.getOrDefault(tagSlug, Collections.emptyNavigableMap()).headMap(position, false).descendingMap().values(), limit);
    }

    @Override
    public List<Listing> laterInTag(String tagSlug, Position position, int limit) {
        return first(byTag.getOrDefault(tagSlug, Collections.emptyNavigableMap()).tailMap(position, false).values(), limit);
    }

    @Override
    public List<Position> earlier(Position position, int limit) {
        return first(byTime.headSet(position, false).descendingSet(), limit);
    }

    @Override
    public List<Position> later(Position position, int limit) {
        return first(byTime.tailSet(position, false), limit);
    }

    // By iterator: a sorted map's sub-views count their size by walking it, which streams over them would do.
    private static <T> List<T> first(Iterable<T> sorted, int limit) {
        List<T> first = new ArrayList<>(Math.min(limit, 64));
        Iterator<T> entries = sorted.iterator();
        while (first.size() < limit && entries.hasNext()) {
            first.add(entries.next());
        }
        return first;
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
        drafts.remove(articleId);
    }

    /** Every story, for tests that check the index against the definitions; the index step never asks this. */
    public Stream<StorySummary> stories() {
        return stories.values().stream();
    }
}
