package org.galley.enrich.related;

import java.time.Instant;
import java.util.List;

import org.galley.enrich.tags.StoryTag;

/**
 * What enrich remembers of one story in its story index: enough to keep the story's address stable and to offer
 * it as a related story.
 *
 * @param articleId        the story
 * @param headline         the latest revision's headline
 * @param slug             claimed by the first accepted revision; corrections keep it
 * @param path             site-relative path, fixed with the slug; URLs are derived from it with the current base URL
 * @param tags             the latest revision's tags: the editor's first, then found ones by salience
 * @param firstPublishedAt when the story first went out
 * @param published        false once the story was taken down; it is then never offered as related
 */
public record StorySummary(String articleId, String headline, String slug, String path, List<StoryTag> tags,
                           Instant firstPublishedAt, boolean published) {

    public StorySummary {
        tags = List.copyOf(tags);
    }

    /** This story as a new revision describes it; its address and first publication stay. */
    public StorySummary revised(String newHeadline, List<StoryTag> newTags) {
        return new StorySummary(articleId, newHeadline, slug, path, newTags, firstPublishedAt, true);
    }

    public StorySummary unpublished() {
        return new StorySummary(articleId, headline, slug, path, tags, firstPublishedAt, false);
    }
}
