package org.galley.render.ticker;

import java.util.List;

import org.galley.events.ArticleEnriched;

/**
 * The headlines a story's page shows in its "LIVE" strip. Enrich chooses them from publication times (the latest
 * live stories first published at or before this one, this one included), so a page's strip never depends on which
 * story happened to be rendered first, and a replay renders the same strip. An event from before enrich chose a
 * ticker (its {@code ticker} is empty) shows the story alone.
 */
public final class PageTicker {

    private PageTicker() {
    }

    public static List<TickerEntry> of(ArticleEnriched article) {
        if (article.getTicker().isEmpty()) {
            return List.of(TickerEntry.of(article));
        }
        return article.getTicker().stream()
                .map(headline -> new TickerEntry(headline.getArticleId(), headline.getHeadline(), headline.getPath(),
                        headline.getPublishedAt()))
                .toList();
    }
}
