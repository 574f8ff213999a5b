package org.galley.render.ticker;

import java.time.Instant;
import java.util.Objects;

import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;

/** One headline in the ticker: which story, what it says, where it lives, and when it first went out. */
public record TickerEntry(String articleId, String headline, String path, Instant publishedAt) {

    public TickerEntry {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    public static TickerEntry of(ArticleEnriched article) {
        return new TickerEntry(article.getSubmission().getArticleId(), article.getSubmission().getHeadline(),
                article.getPath(), article.getFirstPublishedAt());
    }

    /** The entry a published page makes; {@code event} must be a PUBLISH, which carries the page. */
    public static TickerEntry of(ArticlePublished event) {
        return new TickerEntry(event.getArticleId(), event.getPage().getHeadline(), event.getPath(),
                event.getPage().getPublishedAt());
    }
}
