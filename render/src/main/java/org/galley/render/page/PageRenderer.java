package org.galley.render.page;

import java.util.List;

import org.galley.events.ArticleEnriched;
import org.galley.render.ticker.TickerEntry;

/** Renders the complete HTML document of a story's article page. */
public interface PageRenderer {

    /**
     * @param article the story to render
     * @param ticker  the latest headlines to show, newest first, this story included
     * @return the page as a complete HTML document
     * @throws IllegalArgumentException when the story cannot be shown safely (the message says why)
     */
    String render(ArticleEnriched article, List<TickerEntry> ticker);
}
