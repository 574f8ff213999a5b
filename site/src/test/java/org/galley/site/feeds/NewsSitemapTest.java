package org.galley.site.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.feeds.FeedFixtures.NEWER;
import static org.galley.site.feeds.FeedFixtures.OLDER;
import static org.galley.site.feeds.FeedFixtures.SITE;
import static org.galley.site.feeds.Xml.child;
import static org.galley.site.feeds.Xml.children;
import static org.galley.site.feeds.Xml.text;

import java.time.Instant;
import java.util.List;

import org.galley.site.ListedStory;
import org.galley.site.StoryEvents;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class NewsSitemapTest {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Test
    void itListsOnlyStoriesFirstPublishedInTheLastTwoDays() {
        Instant now = Instant.parse("2026-04-22T07:00:00Z");

        List<Element> urls = urls(NewsSitemap.render(SITE, List.of(NEWER, OLDER), now));

        assertThat(urls).extracting(url -> text(url, NS, "loc"))
                .containsExactly("https://stackdigest.org/ai/microsoft-and-openai/", "https://stackdigest.org/ai/claude-goes-to-work/");
        assertThat(urls(NewsSitemap.render(SITE, List.of(NEWER, OLDER), Instant.parse("2026-04-23T08:30:00Z"))))
                .extracting(url -> text(url, NS, "loc")).containsExactly("https://stackdigest.org/ai/microsoft-and-openai/");
        assertThat(urls(NewsSitemap.render(SITE, List.of(NEWER, OLDER), Instant.parse("2026-05-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void eachStoryHasItsPublicationLanguageDateAndTitle() {
        ListedStory japanese = StoryEvents.story("tokyo-robots").path("/ai/tokyo-robots/")
                .headline("東京で AI & ロボット <展示会>").language("ja").publishedAt("2026-04-21T09:00:00Z").listed();

        Element url = urls(NewsSitemap.render(SITE, List.of(japanese), Instant.parse("2026-04-21T10:00:00Z"))).get(0);

        Element news = child(url, NEWS, "news");

        Element publication = child(news, NEWS, "publication");
        assertThat(text(publication, NEWS, "name")).isEqualTo("Stack Digest");
        assertThat(text(publication, NEWS, "language")).isEqualTo("ja");
        assertThat(text(news, NEWS, "publication_date")).isEqualTo("2026-04-21T09:00:00Z");
        assertThat(text(news, NEWS, "title")).isEqualTo("東京で AI & ロボット <展示会>");
    }

    @Test
    void itSaysWhenItsOldestStoryLeavesTheWindow() {
        assertThat(NewsSitemap.nextExpiry(List.of(NEWER, OLDER), Instant.parse("2026-04-21T10:00:00Z")))
                .hasValue(Instant.parse("2026-04-22T08:00:00Z"));
        assertThat(NewsSitemap.nextExpiry(List.of(NEWER, OLDER), Instant.parse("2026-05-01T00:00:00Z"))).isEmpty();
    }

    private static List<Element> urls(String xml) {
        Element urlset = Xml.parse(xml).getDocumentElement();
        assertThat(urlset.getNamespaceURI()).isEqualTo(NS);
        assertThat(urlset.getLocalName()).isEqualTo("urlset");
        return children(urlset, NS, "url");
    }
}
