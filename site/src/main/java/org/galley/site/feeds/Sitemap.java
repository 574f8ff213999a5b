package org.galley.site.feeds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/**
 * {@code sitemap.xml} (sitemaps.org protocol 0.9): the home page, every live story, and every section and tag
 * page, each with its last modification (a story's latest revision; a listing's newest story). One file holds
 * up to 50,000 addresses, far more than a newsroom's live stories and listings.
 */
public final class Sitemap {

    public static final String FILE = "sitemap.xml";
    public static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Sitemap() {
    }

    public static String render(SiteSettings site, Collection<ListedStory> live) {
        XmlDocument xml = new XmlDocument().open("urlset", "xmlns", NAMESPACE);
        List<ListedStory> stories = live.stream().sorted(Listing.NEWEST_FIRST).toList();
        url(xml, site.urlOf("/"), Listing.updated(stories, null));
        for (ListedStory story : stories) {
            url(xml, site.urlOf(story.path()), story.updatedAt());
        }
        for (Listing listing : Listing.allOf(live)) {
            if (listing.kind() != Listing.Kind.HOME) {
                url(xml, site.urlOf(listing.path()), Listing.updated(listing.select(live), null));
            }
        }
        return xml.close().finish();
    }

    private static void url(XmlDocument xml, String loc, Instant lastModified) {
        xml.open("url").element("loc", loc);
        if (!lastModified.equals(Instant.EPOCH)) {
            xml.element("lastmod", lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        xml.close();
    }
}
