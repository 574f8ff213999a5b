package org.galley.site.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;

/**
 * A page that lists stories, newest first, with its own feeds beside it: the home page ({@code /}), a section
 * ({@code /<section>/}) or a tag ({@code /tags/<tag>/}). Each has {@code index.html}, {@code feed.xml} (RSS 2.0),
 * {@code atom.xml} (Atom 1.0) and {@code feed.json} (JSON Feed 1.1) in its folder.
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

    /** Every listing that has at least one of these stories, home first, then sections and tags by slug. */
    public static List<Listing> allOf(Collection<ListedStory> stories) {
        Set<Listing> listings = new TreeSet<>();
        listings.add(HOME);
        stories.forEach(story -> listings.addAll(of(story)));
        return new ArrayList<>(listings);
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

    public boolean includes(ListedStory story) {
        return switch (kind) {
            case HOME -> true;
            case SECTION -> slug.equals(story.section());
            case TAG -> story.tags().stream().anyMatch(tag -> tag.slug().equals(slug));
        };
    }

    /** Its stories among {@code live}, newest first. */
    public List<ListedStory> select(Collection<ListedStory> live) {
        return live.stream().filter(this::includes).sorted(NEWEST_FIRST).toList();
    }

    /**
     * What readers call it: the site's name for home; for a section or tag, the name its newest story gives
     * it (two stories may spell "AI" and "Ai"; the newest wins, so the name is a function of what is live).
     */
    public String name(SiteSettings site, List<ListedStory> newestFirst) {
        if (kind == Kind.HOME || newestFirst.isEmpty()) {
            return kind == Kind.HOME ? site.name() : slug;
        }
        ListedStory newest = newestFirst.get(0);
        if (kind == Kind.SECTION) {
            return newest.category();
        }
        return newest.tags().stream().filter(tag -> tag.slug().equals(slug)).findFirst()
                .map(ListedStory.TagLink::name).orElse(slug);
    }

    /** The title of its feeds and page, e.g. "Stack Digest" or "AI · Stack Digest". */
    public String title(SiteSettings site, List<ListedStory> newestFirst) {
        return kind == Kind.HOME ? site.name() : name(site, newestFirst) + " · " + site.name();
    }

    /** One line about it, for feed descriptions and the page's meta description. */
    public String description(SiteSettings site, List<ListedStory> newestFirst) {
        return switch (kind) {
            case HOME -> site.name() + ": " + site.tagline();
            case SECTION -> "The latest " + name(site, newestFirst) + " stories from " + site.name() + ".";
            case TAG -> "Stories about " + name(site, newestFirst) + " from " + site.name() + ".";
        };
    }

    /** When it last changed: its newest story update, or a later change that removed a story from it. */
    public static Instant updated(List<ListedStory> stories, Instant lastTouched) {
        Instant newest = stories.stream().map(ListedStory::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return lastTouched != null && lastTouched.isAfter(newest) ? lastTouched : newest;
    }

    @Override
    public int compareTo(Listing other) {
        return ORDER.compare(this, other);
    }
}
