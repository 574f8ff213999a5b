package org.galley.site.feeds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/**
 * What every feed of one listing says, whatever its format: its title, where it lives, when it last changed,
 * and its latest stories, newest first. Addresses are absolute, from {@link SiteSettings#baseUrl()}.
 *
 * @param updated when the listing last changed, from its stories (never the clock), so a replay writes the same bytes
 * @param items   at most {@link #MAX_ITEMS} stories, newest first
 */
public record FeedContent(SiteSettings site, Listing listing, String title, String description, Instant updated,
                          List<ListedStory> items) {

    /** Readers poll feeds often; the latest fifty stories are plenty and keep each fetch small. */
    public static final int MAX_ITEMS = 50;

    private static final DateTimeFormatter TAG_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public FeedContent {
        items = List.copyOf(items);
    }

    /**
     * The feeds of {@code listing} from its live stories, newest first (only the first {@link #MAX_ITEMS} are
     * read).
     *
     * @param updated when the listing last changed ({@link org.galley.site.listing.Listings#updated})
     */
    public static FeedContent of(SiteSettings site, Listing listing, Collection<ListedStory> newestFirst, Instant updated) {
        List<ListedStory> items = newestFirst.stream().limit(MAX_ITEMS).toList();
        ListedStory newest = items.isEmpty() ? null : items.get(0);
        return new FeedContent(site, listing, listing.title(site, newest), listing.description(site, newest),
                updated, items);
    }

    public String pageUrl() {
        return site.urlOf(listing.path());
    }

    public String feedUrl(String file) {
        return site.urlOf(listing.file(file));
    }

    public String urlOf(ListedStory story) {
        return site.urlOf(story.path());
    }

    /**
     * A story's permanent id in every feed: a tag URI (RFC 4151) from the site's domain, the day the story was
     * first published and its article id. Unlike its URL it survives a correction that moves the page, so
     * readers do not show a corrected story twice.
     */
    public String idOf(ListedStory story) {
        return idOf(site, story);
    }

    public static String idOf(SiteSettings site, ListedStory story) {
        String specific = URLEncoder.encode(story.articleId(), StandardCharsets.UTF_8).replace("+", "%20");
        return "tag:" + site.domain() + "," + TAG_DATE.format(story.publishedAt()) + ":" + specific;
    }

    /** An image address as readers elsewhere need it: absolute. */
    public String absolute(String urlOrPath) {
        return urlOrPath.startsWith("/") ? site.urlOf(urlOrPath) : urlOrPath;
    }
}
