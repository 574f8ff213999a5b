package org.galley.enrich.story;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.TaggableStory;
import org.galley.enrich.tags.Tagger;
import org.galley.enrich.text.Excerpts;
import org.galley.enrich.text.BodyText;
import org.galley.enrich.text.ReadableText;
import org.galley.enrich.text.ReadingSettings;
import org.galley.enrich.text.ReadingTime;
import org.galley.enrich.text.Slugs;
import org.galley.enrich.text.WordCount;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Tag;
import org.galley.runtime.SiteSettings;

/**
 * The half of enrichment that needs nothing but the story itself: word count, reading time, excerpt, tags and
 * the slug its headline gives. It runs in parallel on every partition.
 *
 * <p>The result is a draft: its slug, path and URL are what the headline gives (the story index may keep an
 * older slug, or add {@code -2} when another story owns it), {@code firstPublishedAt} is this revision's
 * publication time (the index keeps the first one), and it has no related stories or ticker yet. An UNPUBLISH
 * gets a draft with no content and a slug from the article id, for a story the index has never seen.
 *
 * <p>A preview ({@link #preview}) is a draft made final without the index: it lives at its own unguessable
 * address and claims nothing, links to nothing and is linked from nothing.
 */
public final class StoryEnricher {

    private final ReadingSettings reading;
    private final Tagger tagger;
    private final SiteSettings site;
    private final Clock clock;

    public StoryEnricher(ReadingSettings reading, Tagger tagger, SiteSettings site, Clock clock) {
        this.reading = reading;
        this.tagger = tagger;
        this.site = site;
        this.clock = clock;
    }

    public ArticleEnriched draft(ArticleAccepted accepted) {
        ArticleSubmitted story = accepted.getSubmission();
        Instant publishedAt = story.getPublishedAt() != null ? story.getPublishedAt() : accepted.getAcceptedAt();
        if (story.getAction() == Action.UNPUBLISH) {
            String slug = Slugs.storySlug(null, story.getArticleId());
            return enriched(story, slug, WordCount.NONE, 0, List.of(), "", publishedAt);
        }
        Locale locale = Locale.forLanguageTag(story.getLanguage() == null ? "en" : story.getLanguage());
        BodyText text = BodyText.of(story.getBodyMarkdown());
        ReadableText body = text.readable();
        WordCount words = WordCount.of(body.text());
        int images = body.images() + (story.getHero() != null ? 1 : 0);
        List<StoryTag> tags = tagger.tag(new TaggableStory(
                story.getHeadline(), story.getDek(), text.taggable(), story.getTags(), locale));
        return enriched(story, Slugs.storySlug(story.getHeadline(), story.getArticleId()), words,
                ReadingTime.minutes(words, images, reading), tags, Excerpts.of(story.getDek(), body, locale),
                publishedAt);
    }

    /**
     * The final event of a preview (an accepted story with a {@code previewToken}): the draft's text work, at
     * {@code /preview/<token>/} ({@link Previews#path}), with the token. Its slug is what the headline gives and
     * claims nothing, so the story, once published, gets the slug it would have had without the preview. It shows
     * no related stories and no ticker: those are chosen from the live stories when the story is published, and a
     * preview must not enter the index they are chosen from. {@code firstPublishedAt} is the draft's (the
     * planned publication time, or acceptance).
     *
     * @throws IllegalArgumentException when the story has no usable preview token
     */
    public ArticleEnriched preview(ArticleAccepted accepted) {
        String path = Previews.path(accepted.getPreviewToken());
        // Set on the new draft rather than copied with newBuilder(draft): Avro's deep copy of the nested
        // submission is refused by its class security check.
        ArticleEnriched preview = draft(accepted);
        preview.setPath(path);
        preview.setUrl(site.urlOf(path));
        preview.setRelated(List.of());
        preview.setTicker(List.of());
        preview.setResend(0);
        preview.setPreviewToken(accepted.getPreviewToken());
        return preview;
    }

    private ArticleEnriched enriched(ArticleSubmitted story, String slug, WordCount words, int minutes,
                                     List<StoryTag> tags, String excerpt, Instant publishedAt) {
        String path = Slugs.path(story.getCategory(), slug);
        return ArticleEnriched.newBuilder()
                .setSubmission(story)
                .setSlug(slug)
                .setPath(path)
                .setUrl(site.urlOf(path))
                .setWordCount(words.total())
                .setReadingTimeMinutes(minutes)
                .setTags(tags.stream().map(tag -> new Tag(tag.name(), tag.slug())).toList())
                .setExcerpt(excerpt)
                .setRelated(List.of())
                .setTicker(List.of())
                .setFirstPublishedAt(publishedAt)
                .setEnrichedAt(clock.instant())
                .build();
    }
}
