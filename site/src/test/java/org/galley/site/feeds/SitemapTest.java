package org.galley.site.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.feeds.Xml.children;
import static org.galley.site.feeds.Xml.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SitemapTest {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Test
    void aUrlsetListsEachAddressWithItsLastModificationToTheSecond() {
        Map<String, String> lastmods = urls(Sitemap.urlset(List.of(
                new Sitemap.Url("https://stackdigest.org/ai/story/", Instant.parse("2026-04-21T12:30:00.123Z")),
                new Sitemap.Url("https://stackdigest.org/", Instant.EPOCH),
                new Sitemap.Url("https://stackdigest.org/ai/", null))));

        assertThat(lastmods).containsExactly(
                Map.entry("https://stackdigest.org/ai/story/", "2026-04-21T12:30:00Z"),
                Map.entry("https://stackdigest.org/", "none"),
                Map.entry("https://stackdigest.org/ai/", "none"));
        OffsetDateTime.parse(lastmods.get("https://stackdigest.org/ai/story/"));
    }

    @Test
    void anIndexNamesEachPartWithItsLatestModification() {
        Map<String, String> parts = index(Sitemap.index(List.of(
                new Sitemap.Url("https://stackdigest.org/" + Sitemap.part(1), Instant.parse("2026-04-20T08:00:00Z")),
                new Sitemap.Url("https://stackdigest.org/" + Sitemap.part(2), Instant.parse("2026-04-21T09:00:00Z")))));

        assertThat(parts).containsExactly(
                Map.entry("https://stackdigest.org/sitemap-1.xml", "2026-04-20T08:00:00Z"),
                Map.entry("https://stackdigest.org/sitemap-2.xml", "2026-04-21T09:00:00Z"));
    }

    @Test
    void upToTheLimitOneFileHoldsEveryAddress() {
        SitemapLayout layout = new SitemapLayout(40_000, 10_000, Sitemap.MAX_URLS);

        assertThat(layout.split()).isFalse();
        assertThat(layout.parts()).isZero();
    }

    @Test
    void pastTheLimitStoriesAndListingPagesAreCutIntoPartsThatNeverMixThem() {
        SitemapLayout layout = new SitemapLayout(7, 2, 3);

        assertThat(layout.split()).isTrue();
        assertThat(layout.storyParts()).isEqualTo(3);
        assertThat(layout.listingParts()).isEqualTo(1);
        assertThat(layout.parts()).isEqualTo(4);
        assertThat(layout.storyPartOf(0)).isEqualTo(1);
        assertThat(layout.storyPartOf(2)).isEqualTo(1);
        assertThat(layout.storyPartOf(3)).isEqualTo(2);
        assertThat(layout.storyPartOf(6)).isEqualTo(3);
    }

    /** loc -> lastmod ("none" when absent), in document order, after checking the sitemaps.org structure. */
    static Map<String, String> urls(String xml) {
        return entries(xml, "urlset", "url");
    }

    /** loc -> lastmod of each sitemap an index names, after checking its structure. */
    static Map<String, String> index(String xml) {
        return entries(xml, "sitemapindex", "sitemap");
    }

    private static Map<String, String> entries(String xml, String root, String entry) {
        Element document = Xml.parse(xml).getDocumentElement();
        assertThat(document.getNamespaceURI()).isEqualTo(NS);
        assertThat(document.getLocalName()).isEqualTo(root);
        Map<String, String> entries = new LinkedHashMap<>();
        for (Element url : children(document, NS, entry)) {
            String lastmod = children(url, NS, "lastmod").isEmpty() ? "none" : text(url, NS, "lastmod");
            entries.put(text(url, NS, "loc"), lastmod);
        }
        assertThat(entries.keySet()).allSatisfy(loc -> assertThat(loc).startsWith("http"));
        return entries;
    }
}
