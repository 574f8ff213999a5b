package org.galley.site.pages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;
import org.galley.site.listing.ListingSlice;

/**
 * What the listing templates show: the site, which listing and which of its pages, its heading and that page's
 * stories, newest first, with links to the newer and older pages.
 *
 * @param heading the page's one {@code h1}
 * @param title   the document title
 */
public record ListingPage(SiteSettings site, InlineStyle style, ListingSlice slice, String heading, String title,
                          String description) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public Listing listing() {
        return slice.listing();
    }

    public List<ListedStory> stories() {
        return slice.stories();
    }

    public int number() {
        return slice.number();
    }

    /** Whether it has a newer or older page to link to. */
    public boolean paginated() {
        return slice.count() > 1;
    }

    /** Newer stories, or null on the first page. */
    public String previousPath() {
        return slice.previousPath();
    }

    /** Older stories, or null on the last page. */
    public String nextPath() {
        return slice.nextPath();
    }

    public String canonicalUrl() {
        return site.urlOf(slice.path());
    }

    public String rssPath() {
        return listing().file(Listing.RSS);
    }

    public String atomPath() {
        return listing().file(Listing.ATOM);
    }

    public String jsonFeedPath() {
        return listing().file(Listing.JSON_FEED);
    }

    /** A section page names its section in its heading already; other listings name each story's section. */
    public boolean showsSection() {
        return listing().kind() != Listing.Kind.SECTION;
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
