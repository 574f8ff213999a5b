package org.galley.render.ticker;

import java.time.Instant;
import java.util.Objects;

import org.galley.events.ArticleEnriched;

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

}
