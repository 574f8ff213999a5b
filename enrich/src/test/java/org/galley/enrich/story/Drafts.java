package org.galley.enrich.story;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.text.Slugs;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Tag;

/**
 * Drafts as the draft step makes them, built directly with chosen tags and dates, for tests of the index step that
 * need many stories and exact control over what links them.
 */
public final class Drafts {

    public static final Instant ENRICHED_AT = Instant.parse("2026-05-01T09:00:00Z");

    private Drafts() {
    }

    public static ArticleEnriched publish(String articleId, long revision, String headline, Instant publishedAt,
                                          String... tags) {
        List<StoryTag> storyTags = Arrays.stream(tags).map(StoryTag::named).toList();
        return draft(submission(articleId, revision, Action.PUBLISH, headline, publishedAt, tags), storyTags,
                Slugs.storySlug(headline, articleId));
    }

    public static ArticleEnriched takedown(String articleId, long revision, Instant at) {
        return draft(submission(articleId, revision, Action.UNPUBLISH, "", at), List.of(),
                Slugs.storySlug(null, articleId));
    }

    private static ArticleSubmitted submission(String articleId, long revision, Action action, String headline,
                                               Instant at, String... tags) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setRevision(revision)
                .setAction(action)
                .setHeadline(headline)
                .setDek(null)
                .setByline("Desk")
                .setCategory(action == Action.PUBLISH ? "News" : "")
                .setBodyMarkdown(action == Action.PUBLISH ? "Body of " + articleId + "." : "")
                .setHero(null)
                .setTags(List.of(tags))
                .setSubmittedAt(at)
                .setSource("test")
                .setPublishedAt(at)
                .setLanguage("en")
                .build();
    }

    private static ArticleEnriched draft(ArticleSubmitted submission, List<StoryTag> tags, String slug) {
        String path = Slugs.path(submission.getCategory(), slug);
        return ArticleEnriched.newBuilder()
                .setSubmission(submission)
                .setSlug(slug)
                .setPath(path)
                .setUrl("https://example.test" + path)
                .setWordCount(submission.getAction() == Action.PUBLISH ? 3 : 0)
                .setReadingTimeMinutes(submission.getAction() == Action.PUBLISH ? 1 : 0)
                .setTags(tags.stream().map(tag -> new Tag(tag.name(), tag.slug())).toList())
                .setExcerpt("")
                .setRelated(List.of())
                .setTicker(List.of())
                .setFirstPublishedAt(submission.getPublishedAt())
                .setEnrichedAt(ENRICHED_AT)
                .build();
    }
}
