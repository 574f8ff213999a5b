package org.galley.site;

import java.time.Instant;
import java.util.List;

import org.galley.events.ArticlePublished;
import org.galley.events.PublishedPage;
import org.galley.events.Tag;

/** What the site keeps about one live story: enough to list it on the home page. */
public record ListedStory(String articleId, long revision, String headline, String excerpt, String category,
                          String byline, String path, String url, Instant publishedAt, Instant updatedAt,
                          int readingTimeMinutes, int wordCount, List<String> tags, String contentHash) {

    static ListedStory from(ArticlePublished event) {
        PublishedPage page = event.getPage();
        return new ListedStory(event.getArticleId(), event.getRevision(), page.getHeadline(), page.getExcerpt(),
                page.getCategory(), page.getByline(), event.getPath(), event.getUrl(), page.getPublishedAt(),
                page.getUpdatedAt(), page.getReadingTimeMinutes(), page.getWordCount(),
                page.getTags().stream().map(Tag::getName).toList(), page.getContentHash());
    }
}
