package org.galley.site.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;

/**
 * {@code news-sitemap.xml}, a Google News sitemap: the stories first published in the last two days (at most
 * 1,000, newest first), each with {@code news:publication} (the site's name and the story's language),
 * {@code news:publication_date} and {@code news:title}. "Now" is passed in, so the file is a function of the
 * live stories and the clock; the site rewrites it when a story ages out of the window. It reads the live
 * stories newest first (as home lists them) and stops at the first one outside the window, so its cost is
 * the recent stories, not all of them.
 */
public final class NewsSitemap {

    public static final String FILE = "news-sitemap.xml";
    public static final String NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";
    public static final Duration WINDOW = Duration.ofDays(2);
    public static final int MAX_URLS = 1000;

    private NewsSitemap() {
    }

    /**
     * The file at {@code now}.
     *
     * @param newestFirst the live stories, newest first by {@link org.galley.site.listing.Listing#NEWEST_FIRST}
     */
    public static String render(SiteSettings site, Collection<ListedStory> newestFirst, Instant now) {
        XmlDocument xml = new XmlDocument().open("urlset", "xmlns", Sitemap.NAMESPACE, "xmlns:news", NEWS_NAMESPACE);
        for (ListedStory story : recent(newestFirst, now)) {
            xml.open("url").element("loc", site.urlOf(story.path()))
                    .open("news:news")
                    .open("news:publication")
                    .element("news:name", site.name())
                    .element("news:language", story.language())
                    .close()
                    .element("news:publication_date", story.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString())
                    .element("news:title", story.headline())
                    .close()
                    .close();
        }
        return xml.close().finish();
    }

    /** The stories it lists at {@code now}, newest first. */
    public static List<ListedStory> recent(Collection<ListedStory> newestFirst, Instant now) {
        Instant since = now.minus(WINDOW);
        return newestFirst.stream().takeWhile(story -> story.publishedAt().isAfter(since)).limit(MAX_URLS).toList();
    }

    /** When the file next changes without any event: when its oldest story leaves the window. */
    public static Optional<Instant> nextExpiry(Collection<ListedStory> newestFirst, Instant now) {
        List<ListedStory> recent = recent(newestFirst, now);
        return recent.isEmpty() ? Optional.empty()
                : Optional.of(recent.get(recent.size() - 1).publishedAt().plus(WINDOW));
    }
}
