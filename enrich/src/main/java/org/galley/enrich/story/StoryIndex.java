package org.galley.enrich.story;

import java.util.Optional;
import java.util.stream.Stream;

import org.galley.enrich.related.StorySummary;

/**
 * Where enrich remembers every story it has seen and which story owns each slug. The real one is two Kafka
 * Streams state stores (see {@code EnrichTopology}); tests use maps.
 */
public interface StoryIndex {

    Optional<StorySummary> story(String articleId);

    void put(StorySummary story);

    /** The article that claimed a slug, if any. */
    Optional<String> slugOwner(String slug);

    void claimSlug(String slug, String articleId);

    /** Every story in the index, in no particular order; close the stream when done. */
    Stream<StorySummary> stories();
}
