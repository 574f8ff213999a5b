package org.galley.site.pages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/**
 * What the listing templates show: the site, which listing, its heading and its stories, newest first.
 *
 * @param heading the page's one {@code h1}
 * @param title   the document title
 */
public record ListingPage(SiteSettings site, InlineStyle style, Listing listing, String heading, String title,
                          String description, List<ListedStory> stories) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public ListingPage {
        stories = List.copyOf(stories);
    }

    public String canonicalUrl() {
        return site.urlOf(listing.path());
    }

    public String rssPath() {
        return listing.file(Listing.RSS);
    }

    public String atomPath() {
        return listing.file(Listing.ATOM);
    }

    public String jsonFeedPath() {
        return listing.file(Listing.JSON_FEED);
    }

    /** A section page names its section in its heading already; other listings name each story's section. */
    public boolean showsSection() {
        return listing.kind() != Listing.Kind.SECTION;
    }

    /** The story's language when it differs from the site's, so readers and screen readers switch; else null (no attribute). */
    public String languageOf(ListedStory story) {
        return story.language() == null || story.language().equalsIgnoreCase(site.language()) ? null : story.language();
    }

    public String dateOf(ListedStory story) {
        return DATE.format(story.publishedAt());
    }

    public String isoDateOf(ListedStory story) {
        return story.publishedAt().toString();
    }
}
