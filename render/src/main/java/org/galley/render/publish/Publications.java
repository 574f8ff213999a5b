package org.galley.render.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleSubmitted;
import org.galley.events.PublishedPage;

/**
 * What render tells the platform: the {@link ArticlePublished} event for a page that went live (with the
 * page and everything needed to serve, list and index it) or for a page taken down (page null, path kept),
 * and the matching {@link PageUpdate}s of the pages topic.
 *
 * <p>Each enriched event gives exactly one published event, with enrich's {@code resend} number, so
 * {@code (articleId, revision, resend)} stays unique on {@code articles.published}; a story that moved gets a
 * second page update (the old path's removal), never a second event.
 */
public final class Publications {

    private Publications() {
    }

    /** A PUBLISH event carrying {@code html} as the page of {@code article}. */
    public static ArticlePublished published(ArticleEnriched article, String html, Instant occurredAt) {
        ArticleSubmitted submission = article.getSubmission();
        Instant publishedAt = article.getFirstPublishedAt();
        PublishedPage page = PublishedPage.newBuilder()
                .setHeadline(submission.getHeadline())
                .setDek(submission.getDek())
                .setByline(submission.getByline())
                .setCategory(submission.getCategory())
                .setTags(article.getTags())
                .setExcerpt(article.getExcerpt())
                .setHero(submission.getHero())
                .setWordCount(article.getWordCount())
                .setReadingTimeMinutes(article.getReadingTimeMinutes())
                .setLanguage(submission.getLanguage())
                .setPublishedAt(publishedAt)
                .setUpdatedAt(updatedAt(article))
                .setRelated(article.getRelated())
                .setHtml(html)
                .setContentHash(contentHash(html))
                .build();
        return event(article, Action.PUBLISH, occurredAt, page);
    }

    /** An UNPUBLISH event naming the page to take down. */
    public static ArticlePublished unpublished(ArticleEnriched article, Instant occurredAt) {
        return event(article, Action.UNPUBLISH, occurredAt, null);
    }

    /**
     * How {@code event} changes the pages topic: a published page is put under its path, a taken-down page is
     * removed, and when a revision moved the story from {@code previousPath} (the path its last event named, or
     * null for a story not seen before) the page there is removed too, after the new one is in place so a
     * reader following the old address never finds neither.
     */
    public static List<PageUpdate> pageUpdates(ArticlePublished event, String previousPath) {
        List<PageUpdate> updates = new ArrayList<>(2);
        if (event.getAction() == Action.PUBLISH) {
            updates.add(PageUpdate.page(event.getPath(), event.getPage().getHtml()));
        } else {
            updates.add(PageUpdate.removal(event.getPath()));
        }
        if (previousPath != null && !previousPath.equals(event.getPath())) {
            updates.add(PageUpdate.removal(previousPath));
        }
        return updates;
    }

    /**
     * When this revision was made: its submission time, never earlier than first publication (a story
     * submitted ahead of its publication date has not been modified after it went out).
     */
    public static Instant updatedAt(ArticleEnriched article) {
        Instant submittedAt = article.getSubmission().getSubmittedAt();
        Instant revisedAt = submittedAt != null ? submittedAt : article.getEnrichedAt();
        return revisedAt.isBefore(article.getFirstPublishedAt()) ? article.getFirstPublishedAt() : revisedAt;
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code html}. */
    public static String contentHash(String html) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(html.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static ArticlePublished event(ArticleEnriched article, Action action, Instant occurredAt,
                                          PublishedPage page) {
        ArticleSubmitted submission = article.getSubmission();
        return ArticlePublished.newBuilder()
                .setArticleId(submission.getArticleId())
                .setRevision(submission.getRevision())
                .setAction(action)
                .setSlug(article.getSlug())
                .setPath(article.getPath())
                .setUrl(article.getUrl())
                .setOccurredAt(occurredAt)
                .setPage(page)
                .setResend(article.getResend())
                .build();
    }
}
