package org.galley.enrich.story;

import java.util.List;
import java.util.Optional;

import org.galley.enrich.related.Listing;
import org.galley.enrich.related.Position;
import org.galley.enrich.related.StorySummary;
import org.galley.events.ArticleEnriched;

/**
 * Where enrich remembers the stories it has seen, keyed for the questions the story index asks: a story by id,
 * the owner of a slug, the live stories of a tag or of the whole site around a position in publication order
 * ({@link Position}), and a story's latest draft. No question reads the whole index. The real one is five Kafka
 * Streams state stores ({@code KeyValueStoryIndex}); tests and the benchmark use {@link InMemoryStoryIndex}.
 *
 * <p>The listings ({@link #list}, {@link #unlist}) are kept by the caller: it lists a story while it is live, under
 * each of its current tags, and unlists it before its tags change or it is taken down.
 */
public interface StoryIndex {

    Optional<StorySummary> story(String articleId);

    /** Stores the summary; its listings are not touched. */
    void put(StorySummary story);

    /** The article that claimed a slug, if any. */
    Optional<String> slugOwner(String slug);

    void claimSlug(String slug, String articleId);

    /** Lists the story at its position in the timeline and under each of its tags. */
    void list(StorySummary story);

    /** Removes what {@link #list} added for this story (its position and these tags). */
    void unlist(StorySummary story);

    /** The latest {@code limit} stories listed under the tag strictly earlier than {@code position}, newest first. */
    List<Listing> earlierInTag(String tagSlug, Position position, int limit);

    /** The first {@code limit} stories listed under the tag strictly later than {@code position}, oldest first. */
    List<Listing> laterInTag(String tagSlug, Position position, int limit);

    /** The latest {@code limit} listed stories strictly earlier than {@code position}, newest first. */
    List<Position> earlier(Position position, int limit);

    /** The first {@code limit} listed stories strictly later than {@code position}, oldest first. */
    List<Position> later(Position position, int limit);

    /** The latest PUBLISH draft of a story, kept so its event can be completed again when its links change. */
    Optional<ArticleEnriched> draft(String articleId);

    void putDraft(ArticleEnriched draft);

    void removeDraft(String articleId);
}
