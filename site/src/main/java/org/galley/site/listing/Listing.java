package org.galley.site.listing;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;

/**
 * A page that lists stories, newest first, with its own feeds beside it: the home page ({@code /}), a section
 * ({@code /<section>/}) or a tag ({@code /tags/<tag>/}). Each has {@code index.html}, {@code feed.xml} (RSS 2.0),
 * {@code atom.xml} (Atom 1.0) and {@code feed.json} (JSON Feed 1.1) in its folder; when it holds more stories
 * than one page shows, archive pages {@code page/1/index.html} (the oldest), {@code page/2/index.html}, ...
 * below it hold them all, a full page each ({@link Pagination}).
 *
 * @param kind which sort of listing
 * @param slug the section or tag slug; empty for home
 */
public record Listing(Kind kind, String slug) implements Comparable<Listing> {

    public enum Kind { HOME, SECTION, TAG }

    public static final Listing HOME = new Listing(Kind.HOME, "");

    public static final String PAGE = "index.html";
    public static final String RSS = "feed.xml";
    public static final String ATOM = "atom.xml";
    public static final String JSON_FEED = "feed.json";
    public static final List<String> FEEDS = List.of(RSS, ATOM, JSON_FEED);

    /** Newest first by first publication; the article id breaks ties so the order never depends on arrival. */
    public static final Comparator<ListedStory> NEWEST_FIRST = Comparator
            .comparing(ListedStory::publishedAt).reversed()
            .thenComparing(ListedStory::articleId);

    private static final Comparator<Listing> ORDER = Comparator.comparing(Listing::kind).thenComparing(Listing::slug);

    public static Listing section(String slug) {
        return new Listing(Kind.SECTION, slug);
    }

    public static Listing tag(String slug) {
        return new Listing(Kind.TAG, slug);
    }

    /** Every listing a story appears in: home, its section, its tags. */
    public static Set<Listing> of(ListedStory story) {
        Set<Listing> listings = new LinkedHashSet<>();
        listings.add(HOME);
        if (story.section() != null) {
            listings.add(section(story.section()));
        }
        story.tags().forEach(tag -> listings.add(tag(tag.slug())));
        return listings;
    }

    /** The URL path of the listing page, e.g. {@code /tags/openai/}. */
    public String path() {
        return switch (kind) {
            case HOME -> "/";
            case SECTION -> "/" + slug + "/";
            case TAG -> "/tags/" + slug + "/";
        };
    }

    /** The URL path of a file in the listing's folder, e.g. {@code /ai/feed.xml}. */
    public String file(String name) {
        return path() + name;
    }

    /**
     * The URL path of its archive page {@code number} (from 1, the oldest stories), {@code page/<number>/} below
     * it, e.g. {@code /tags/openai/page/2/}. The listing's own path shows its newest stories.
     */
    public String archivePath(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("Archive pages are numbered from 1, was " + number);
        }
        return path() + "page/" + number + "/";
    }

    /**
     * What readers call it: the site's name for home; for a section or tag, the name a story gives it (two
     * stories may spell "AI" and "Ai"). A page is named by the newest story it shows, so the name is a function
     * of the page's own stories and an archive page keeps its bytes when newer stories arrive.
     *
     * @param newest the newest story on the page, or null when it has none
     */
    public String name(SiteSettings site, ListedStory newest) {
        if (kind == Kind.HOME || newest == null) {
            return kind == Kind.HOME ? site.name() : slug;
        }
        if (kind == Kind.SECTION) {
            return newest.category();
        }
        return newest.tags().stream().filter(tag -> tag.slug().equals(slug)).findFirst()
                .map(ListedStory.TagLink::name).orElse(slug);
    }

    /** The title of its feeds and page, e.g. "Stack Digest" or "AI · Stack Digest". */
    public String title(SiteSettings site, ListedStory newest) {
        return kind == Kind.HOME ? site.name() : name(site, newest) + " · " + site.name();
    }

    /** One line about it, for feed descriptions and the page's meta description. */
    public String description(SiteSettings site, ListedStory newest) {
        return switch (kind) {
            case HOME -> site.name() + ": " + site.tagline();
            case SECTION -> "The latest " + name(site, newest) + " stories from " + site.name() + ".";
            case TAG -> "Stories about " + name(site, newest) + " from " + site.name() + ".";
        };
    }

    @Override
    public int compareTo(Listing other) {
        return ORDER.compare(this, other);
    }
}
