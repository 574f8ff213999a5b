package org.galley.enrich.related;

/**
 * What a story's page shows of another story it links to, as related or in the ticker. The index keeps the links
 * a story was last sent out with, so a recomputation can tell whether its page would change. The rest of a link
 * (path, first publication) never changes once a story is filed, so it is not kept.
 *
 * @param articleId the linked story
 * @param headline  its headline as shown
 * @param label     the related link's label ({@link RelatedStories#label}); empty in the ticker
 */
public record Link(String articleId, String headline, String label) {
}
