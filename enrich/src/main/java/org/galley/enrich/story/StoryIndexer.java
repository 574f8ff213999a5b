package org.galley.enrich.story;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.galley.enrich.related.RelatedChoice;
import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.related.RelatedStories;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.text.Slugs;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RelatedStory;
import org.galley.runtime.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The half of enrichment that needs every other story: it turns a {@link StoryEnricher} draft into the final
 * event, against the {@link StoryIndex}.
 *
 * <ul>
 *   <li>A story's first accepted revision claims its slug, made unique across stories ({@link SlugClaims}); its
 *       path is fixed with it. Every later revision, and an unpublish, reuses both, whatever its headline or
 *       category says, so a story's address never changes.</li>
 *   <li>{@code firstPublishedAt} is the first revision's; corrections keep it.</li>
 *   <li>A PUBLISH gets up to N related stories ({@link RelatedStories}) and is recorded as published.</li>
 *   <li>An UNPUBLISH carries the story's known slug, path and URL, with no tags or related stories, and marks it
 *       unpublished, so no page offers it again; its slug stays reserved for it. An UNPUBLISH for a story never
 *       seen still goes out (with a slug from its id) so downstream can act, and is logged.</li>
 * </ul>
 */
public final class StoryIndexer {

    private static final Logger log = LoggerFactory.getLogger(StoryIndexer.class);

    private final SiteSettings site;
    private final RelatedSettings related;
    private final Vocabulary vocabulary;

    public StoryIndexer(SiteSettings site, RelatedSettings related, Vocabulary vocabulary) {
        this.site = site;
        this.related = related;
        this.vocabulary = vocabulary;
    }

    public ArticleEnriched index(ArticleEnriched draft, StoryIndex index) {
        ArticleSubmitted submission = draft.getSubmission();
        Optional<StorySummary> known = index.story(submission.getArticleId());
        if (submission.getAction() == Action.UNPUBLISH) {
            return unpublish(draft, known, index);
        }
        List<StoryTag> tags = draft.getTags().stream().map(tag -> new StoryTag(tag.getName(), tag.getSlug())).toList();
        StorySummary story = known
                .map(previous -> previous.revised(submission.getHeadline(), tags))
                .orElseGet(() -> firstRevision(draft, tags, index));
        List<RelatedChoice> choices;
        try (Stream<StorySummary> stories = index.stories()) {
            choices = RelatedStories.choose(story, stories, related, vocabulary);
        }
        index.put(story);
        return complete(draft, story, choices.stream().map(this::relatedStory).toList());
    }

    private StorySummary firstRevision(ArticleEnriched draft, List<StoryTag> tags, StoryIndex index) {
        ArticleSubmitted submission = draft.getSubmission();
        String articleId = submission.getArticleId();
        String slug = SlugClaims.firstFree(draft.getSlug(), articleId, index::slugOwner);
        if (!slug.equals(draft.getSlug())) {
            log.info("Story {} gets slug '{}': '{}' belongs to story {}", articleId, slug, draft.getSlug(),
                    index.slugOwner(draft.getSlug()).orElse("?"));
        }
        index.claimSlug(slug, articleId);
        return new StorySummary(articleId, submission.getHeadline(), slug, Slugs.path(submission.getCategory(), slug),
                tags, draft.getFirstPublishedAt(), true);
    }

    private ArticleEnriched unpublish(ArticleEnriched draft, Optional<StorySummary> known, StoryIndex index) {
        if (known.isEmpty()) {
            log.warn("Unpublish for story {} (revision {}), which enrich has never seen; passing it on as {}",
                    draft.getSubmission().getArticleId(), draft.getSubmission().getRevision(), draft.getPath());
            return draft;
        }
        StorySummary story = known.get().unpublished();
        index.put(story);
        return complete(draft, story, List.of());
    }

    // A new record rather than a copy-builder: Avro's deep copy would look classes up by name, which it refuses.
    private ArticleEnriched complete(ArticleEnriched draft, StorySummary story, List<RelatedStory> relatedStories) {
        return new ArticleEnriched(draft.getSubmission(), story.slug(), story.path(), site.urlOf(story.path()),
                draft.getWordCount(), draft.getReadingTimeMinutes(), draft.getTags(), draft.getExcerpt(),
                relatedStories, story.firstPublishedAt(), draft.getEnrichedAt());
    }

    private RelatedStory relatedStory(RelatedChoice choice) {
        StorySummary story = choice.story();
        return new RelatedStory(story.articleId(), story.headline(), choice.label(), story.path(),
                site.urlOf(story.path()));
    }
}
