package org.galley.enrich.related;

import java.time.Instant;
import java.util.List;

import org.galley.enrich.tags.StoryTag;

/**
 * What enrich remembers of one story in its story index: enough to keep the story's address stable, to offer it
 * as a related story or a ticker headline, and to tell whether its own links changed.
 *
 * @param articleId        the story
 * @param headline         the latest revision's headline
 * @param slug             claimed by the first accepted revision; corrections keep it
 * @param path             site-relative path, fixed with the slug; URLs are derived from it with the current base URL
 * @param tags             the latest revision's tags: the editor's first, then found ones by salience
 * @param firstPublishedAt when the story first went out
 * @param published        false once the story was taken down; it is then never offered as related
 * @param related          the related links its last event carried (none while it is taken down)
 * @param ticker           the ticker its last event carried, newest first (none while it is taken down)
 * @param resend           the number of the last send of the current revision: 0 for the revision's (or the
 *                         takedown's) own event, then one more for each relink, so a re-send is told from a
 *                         duplicate downstream. A relink superseded before it was sent (enrich's pending relinks)
 *                         keeps its number unsent, so the numbers sent are unique and increasing, not gapless.
 *                         Summaries written before it was kept read as 0.
 */
public record StorySummary(String articleId, String headline, String slug, String path, List<StoryTag> tags,
                           Instant firstPublishedAt, boolean published, List<Link> related, List<Link> ticker,
                           int resend) {

    public StorySummary {
        tags = List.copyOf(tags);
        // Summaries written before links were kept have none.
        related = related == null ? List.of() : List.copyOf(related);
        ticker = ticker == null ? List.of() : List.copyOf(ticker);
    }

    /** A story with no links yet. */
    public StorySummary(String articleId, String headline, String slug, String path, List<StoryTag> tags,
                        Instant firstPublishedAt, boolean published) {
        this(articleId, headline, slug, path, tags, firstPublishedAt, published, List.of(), List.of(), 0);
    }

    /** This story as a new revision describes it, not sent again yet; its address and first publication stay. */
    public StorySummary revised(String newHeadline, List<StoryTag> newTags) {
        return new StorySummary(articleId, newHeadline, slug, path, newTags, firstPublishedAt, true, related, ticker,
                0);
    }

    /** Taken down: no longer offered, and its own links are gone with its page. */
    public StorySummary unpublished() {
        return new StorySummary(articleId, headline, slug, path, tags, firstPublishedAt, false);
    }

    public StorySummary withLinks(List<Link> newRelated, List<Link> newTicker) {
        return new StorySummary(articleId, headline, slug, path, tags, firstPublishedAt, published, newRelated,
                newTicker, resend);
    }

    /** The same revision with new links, to be sent again as the next re-send. */
    public StorySummary resent(List<Link> newRelated, List<Link> newTicker) {
        return new StorySummary(articleId, headline, slug, path, tags, firstPublishedAt, published, newRelated,
                newTicker, resend + 1);
    }

    public Position position() {
        return new Position(firstPublishedAt, articleId);
    }

    public List<String> tagSlugs() {
        return tags.stream().map(StoryTag::slug).toList();
    }
}
