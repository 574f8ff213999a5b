package org.galley.site;

import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.AtomFeed;
import org.galley.site.feeds.FeedContent;
import org.galley.site.feeds.JsonFeed;
import org.galley.site.feeds.NewsSitemap;
import org.galley.site.feeds.RssFeed;
import org.galley.site.feeds.Sitemap;
import org.galley.site.listing.Listing;
import org.galley.site.listing.Pagination;
import org.galley.site.pages.ListingPages;

/**
 * Renders one story alone as each of its listings would show it (page, RSS, Atom, JSON Feed, sitemap entry, news
 * sitemap entry) and says what failed, if anything. Used only after a flush failed, to find the stories that
 * made it fail, so one story that cannot be written is taken out instead of stopping every later flush.
 */
final class StoryProbe {

    private final SiteSettings site;
    private final Pagination pagination;
    private final ListingPages pages;

    StoryProbe(SiteSettings site, Pagination pagination) {
        this.site = site;
        this.pagination = pagination;
        this.pages = new ListingPages(site);
    }

    /** Why {@code story}'s listings, feeds or sitemap entries cannot be written; empty when they can. */
    Optional<String> problem(ListedStory story) {
        try {
            NavigableSet<ListedStory> alone = new TreeSet<>(Listing.NEWEST_FIRST);
            alone.add(story);
            for (Listing listing : Listing.of(story)) {
                pages.render(pagination.newest(listing, alone));
                FeedContent feed = FeedContent.of(site, listing, alone, story.updatedAt());
                RssFeed.render(feed);
                AtomFeed.render(feed);
                JsonFeed.render(feed);
            }
            Sitemap.urlset(List.of(new Sitemap.Url(site.urlOf(story.path()), story.updatedAt())));
            NewsSitemap.render(site, alone, story.publishedAt());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
