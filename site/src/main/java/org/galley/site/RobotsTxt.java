package org.galley.site;

import org.galley.runtime.SiteSettings;

/**
 * The site's {@code robots.txt}: crawlers may read everything but the previews ({@link Previews#FOLDER}), and
 * find the sitemap. Previews are also marked {@code noindex} in their own head and linked from nowhere; this
 * keeps well-behaved crawlers from fetching one whose address leaked.
 */
final class RobotsTxt {

    static final String FILE = "robots.txt";

    private RobotsTxt() {
    }

    static String of(SiteSettings site) {
        return "User-agent: *\n"
                + "Disallow: " + Previews.FOLDER + "\n"
                + "\n"
                + "Sitemap: " + site.urlOf("/sitemap.xml") + "\n";
    }
}
