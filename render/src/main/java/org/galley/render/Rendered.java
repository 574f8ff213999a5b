package org.galley.render;

import java.util.List;

import org.galley.events.ArticlePublished;
import org.galley.render.publish.PageUpdate;

/** What rendering one story produced: its event for {@code articles.published} and its page updates. */
record Rendered(ArticlePublished event, List<PageUpdate> pages) {

    Rendered {
        pages = List.copyOf(pages);
    }
}
