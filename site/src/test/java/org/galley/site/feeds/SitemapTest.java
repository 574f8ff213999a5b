package org.galley.site.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.feeds.FeedFixtures.NEWER;
import static org.galley.site.feeds.FeedFixtures.OLDER;
import static org.galley.site.feeds.FeedFixtures.SITE;
import static org.galley.site.feeds.Xml.children;
import static org.galley.site.feeds.Xml.text;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SitemapTest {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Test
    void itListsHomeEveryStoryEverySectionAndEveryTagWithItsLastModification() {
        Map<String, String> lastmods = urls(Sitemap.render(SITE, List.of(OLDER, NEWER)));

        assertThat(lastmods.keySet()).containsExactly(
                "https://stackdigest.org/",
                "https://stackdigest.org/ai/microsoft-and-openai/",
                "https://stackdigest.org/ai/claude-goes-to-work/",
                "https://stackdigest.org/ai/",
                "https://stackdigest.org/tags/ai-agents/",
                "https://stackdigest.org/tags/anthropic/",
                "https://stackdigest.org/tags/microsoft/",
                "https://stackdigest.org/tags/openai/");
        assertThat(lastmods.get("https://stackdigest.org/")).isEqualTo("2026-04-21T12:30:00Z");
        assertThat(lastmods.get("https://stackdigest.org/ai/claude-goes-to-work/")).isEqualTo("2026-04-20T08:00:00Z");
        assertThat(lastmods.get("https://stackdigest.org/tags/anthropic/")).isEqualTo("2026-04-20T08:00:00Z");
        lastmods.values().forEach(OffsetDateTime::parse);
    }

    @Test
    void anEmptySiteListsOnlyItsHomePage() {
        assertThat(urls(Sitemap.render(SITE, List.of()))).containsOnlyKeys("https://stackdigest.org/");
    }

    /** loc -> lastmod, in document order, after checking the sitemaps.org structure. */
    static Map<String, String> urls(String xml) {
        Element urlset = Xml.parse(xml).getDocumentElement();
        assertThat(urlset.getNamespaceURI()).isEqualTo(NS);
        assertThat(urlset.getLocalName()).isEqualTo("urlset");
        Map<String, String> urls = new LinkedHashMap<>();
        for (Element url : children(urlset, NS, "url")) {
            String lastmod = children(url, NS, "lastmod").isEmpty() ? null : text(url, NS, "lastmod");
            urls.put(text(url, NS, "loc"), lastmod);
        }
        assertThat(urls.keySet()).allSatisfy(loc -> assertThat(loc).startsWith("https://stackdigest.org/"));
        return urls;
    }
}
