package org.galley.site.feeds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The sitemaps.org protocol 0.9 files: a {@code urlset} of page addresses, each with its last modification,
 * and, when the site has more addresses than one file may hold, a {@code sitemapindex} naming the files that
 * hold them ({@code sitemap.xml} is then the index, {@code sitemap-1.xml}, {@code sitemap-2.xml}, ... the
 * sets). Which addresses go in which file is {@link SitemapLayout}'s business.
 */
public final class Sitemap {

    public static final String FILE = "sitemap.xml";
    public static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** The protocol's limit of addresses in one file. */
    public static final int MAX_URLS = 50_000;

    private Sitemap() {
    }

    /**
     * One address and when what it serves last changed.
     *
     * @param lastModified null or {@link Instant#EPOCH} when unknown (then no {@code lastmod} is written)
     */
    public record Url(String loc, Instant lastModified) {
    }

    /** The name of the {@code number}th set (from 1) under a sitemap index, e.g. {@code sitemap-2.xml}. */
    public static String part(int number) {
        return "sitemap-" + number + ".xml";
    }

    /** A {@code urlset}: these addresses, in this order. */
    public static String urlset(Collection<Url> urls) {
        XmlDocument xml = new XmlDocument().open("urlset", "xmlns", NAMESPACE);
        urls.forEach(url -> entry(xml, "url", url));
        return xml.close().finish();
    }

    /** A {@code sitemapindex} naming these sitemaps (absolute addresses), each with its latest {@code lastmod}. */
    public static String index(Collection<Url> sitemaps) {
        XmlDocument xml = new XmlDocument().open("sitemapindex", "xmlns", NAMESPACE);
        sitemaps.forEach(sitemap -> entry(xml, "sitemap", sitemap));
        return xml.close().finish();
    }

    private static void entry(XmlDocument xml, String element, Url url) {
        xml.open(element).element("loc", url.loc());
        if (url.lastModified() != null && !url.lastModified().equals(Instant.EPOCH)) {
            xml.element("lastmod", url.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        xml.close();
    }
}
