package org.galley.examples;

import java.time.Instant;
import java.util.List;

import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.PublishedPage;

/** Published events as render writes them, cut down to what the example reads. */
final class PublishedEvents {

    private static final Instant NOON = Instant.parse("2026-04-28T12:00:00Z");

    private PublishedEvents() {
    }

    static ArticlePublished publish(String articleId, long revision, String path, String headline) {
        PublishedPage page = PublishedPage.newBuilder()
                .setHeadline(headline).setByline("Stack Digest").setCategory("AI").setTags(List.of()).setRelated(List.of())
                .setExcerpt(headline + ".").setWordCount(400).setReadingTimeMinutes(2)
                .setPublishedAt(NOON).setUpdatedAt(NOON.plusSeconds(revision))
                .setHtml("<!doctype html><title>" + headline + "</title>")
                .setContentHash("0".repeat(64))
                .build();
        return event(articleId, revision, Action.PUBLISH, path, page);
    }

    static ArticlePublished unpublish(String articleId, long revision, String path) {
        return event(articleId, revision, Action.UNPUBLISH, path, null);
    }

    private static ArticlePublished event(String articleId, long revision, Action action, String path,
                                          PublishedPage page) {
        return ArticlePublished.newBuilder()
                .setArticleId(articleId).setRevision(revision).setAction(action)
                .setSlug(path.replaceAll("^/[^/]+/|/$", "")).setPath(path).setUrl("https://news.example" + path)
                .setOccurredAt(NOON.plusSeconds(revision)).setPage(page)
                .build();
    }
}
