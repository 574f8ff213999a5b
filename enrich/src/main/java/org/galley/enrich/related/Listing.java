package org.galley.enrich.related;

import java.util.List;

/**
 * A live story as the index lists it under one of its tags: where it stands in publication order and the slugs
 * of all its tags. That is all the related-story ranking needs, so only the few stories chosen are read in full.
 *
 * @param position where the story stands in publication order
 * @param tagSlugs the slugs of its tags, in its own order
 */
public record Listing(Position position, List<String> tagSlugs) {

    public Listing {
        tagSlugs = List.copyOf(tagSlugs);
    }

    public static Listing of(StorySummary story) {
        return new Listing(story.position(), story.tagSlugs());
    }

    public String articleId() {
        return position.articleId();
    }
}
