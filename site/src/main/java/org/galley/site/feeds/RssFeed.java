package org.galley.site.feeds;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The RSS 2.0 feed of a listing ({@code feed.xml}), written by ROME. Each item has its title, link, excerpt,
 * first publication date, tags as categories, a permanent guid and its byline as {@code dc:creator} (RSS's own
 * {@code author} must be an e-mail address).
 */
public final class RssFeed {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private RssFeed() {
    }

    public static String render(FeedContent feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(feed.title());
        channel.setLink(feed.pageUrl());
        channel.setDescription(feed.description());
        channel.setLanguage(feed.site().language());
        channel.setLastBuildDate(Date.from(feed.updated()));
        channel.setGenerator("Galley");
        // The feed's own address, as feed validators ask of RSS 2.0.
        Element self = new Element("link", ATOM);
        self.setAttribute("href", feed.feedUrl(Listing.RSS));
        self.setAttribute("rel", "self");
        self.setAttribute("type", "application/rss+xml");
        channel.setForeignMarkup(List.of(self));
        channel.setItems(feed.items().stream().map(story -> item(feed, story)).toList());
        try {
            return new WireFeedOutput().outputString(channel, true);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the RSS feed of " + feed.listing().path(), e);
        }
    }

    private static Item item(FeedContent feed, ListedStory story) {
        Item item = new Item();
        item.setTitle(story.headline());
        item.setLink(feed.urlOf(story));
        Description description = new Description();
        description.setType("text/plain");
        description.setValue(story.excerpt());
        item.setDescription(description);
        item.setPubDate(Date.from(story.publishedAt()));
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(feed.idOf(story));
        item.setGuid(guid);
        List<Category> categories = new ArrayList<>();
        for (ListedStory.TagLink tag : story.tags()) {
            Category category = new Category();
            category.setValue(tag.name());
            categories.add(category);
        }
        item.setCategories(categories);
        DCModule dc = new DCModuleImpl();
        dc.setCreator(story.byline());
        List<Module> modules = new ArrayList<>();
        modules.add(dc);
        item.setModules(modules);
        return item;
    }
}
