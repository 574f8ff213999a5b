package org.galley.site.pages;

import java.time.Instant;
import java.time.LocalDate;
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
    private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);

    public Listing listing() {
        return slice.listing();
    }

    public List<ListedStory> stories() {
        return slice.stories();
    }

    public int number() {
        return slice.number();
    }

    /** Whether it is an archive page rather than the listing's own page of newest stories. */
    public boolean archive() {
        return slice.archive();
    }

    /** Whether it has a newer or older page to link to. */
    public boolean paginated() {
        return slice.newerPath() != null || slice.olderPath() != null;
    }

    /** Newer stories, or null on the listing's own page. */
    public String newerPath() {
        return slice.newerPath();
    }

    /** Older stories, or null on the oldest page. */
    public String olderPath() {
        return slice.olderPath();
    }

    /**
     * What an archive page says it is: its number and the days its stories were published, e.g.
     * "Page 3 · 2–9 April 2026". Nothing about the pages after it, so it keeps its bytes as they are added.
     */
    public String pageLabel() {
        List<ListedStory> stories = stories();
        if (stories.isEmpty()) {
            return "Page " + number();
        }
        return "Page " + number() + " · " + dateRange(stories.get(stories.size() - 1).publishedAt(), stories.get(0).publishedAt());
    }

    /** From the day of {@code from} to that of {@code to}, saying a month or year they share only once. */
    static String dateRange(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        if (first.equals(last)) {
            return DATE.format(first);
        }
        if (first.getYear() != last.getYear()) {
            return DATE.format(first) + " – " + DATE.format(last);
        }
        String start = first.getMonth() == last.getMonth() ? DAY.format(first) : DAY_AND_MONTH.format(first);
        String separator = first.getMonth() == last.getMonth() ? "–" : " – ";
        return start + separator + DATE.format(last);
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
