package org.galley.site.feeds;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/**
 * The Atom 1.0 feed of a listing ({@code atom.xml}), written by ROME: a self and an alternate link, and per
 * entry a permanent id, title, link, summary (the excerpt), published and updated times, author and tags as
 * categories (term = slug, label = name, scheme = the site's tag pages).
 */
public final class AtomFeed {

    private AtomFeed() {
    }

    public static String render(FeedContent feed) {
        Feed atom = new Feed("atom_1.0");
        atom.setId(feed.feedUrl(Listing.ATOM));
        atom.setTitleEx(text(feed.title()));
        atom.setSubtitle(text(feed.description()));
        atom.setUpdated(Date.from(feed.updated()));
        atom.setLanguage(feed.site().language());
        atom.setAlternateLinks(List.of(link("alternate", feed.pageUrl(), "text/html")));
        atom.setOtherLinks(List.of(link("self", feed.feedUrl(Listing.ATOM), "application/atom+xml")));
        atom.setAuthors(List.of(person(feed.site().name())));
        Generator generator = new Generator();
        generator.setValue("Galley");
        atom.setGenerator(generator);
        atom.setEntries(feed.items().stream().map(story -> entry(feed, story)).toList());
        try {
            return new WireFeedOutput().outputString(atom, true);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the Atom feed of " + feed.listing().path(), e);
        }
    }

    private static Entry entry(FeedContent feed, ListedStory story) {
        Entry entry = new Entry();
        entry.setId(feed.idOf(story));
        entry.setTitleEx(text(story.headline()));
        entry.setAlternateLinks(List.of(link("alternate", feed.urlOf(story), "text/html")));
        entry.setSummary(text(story.excerpt()));
        entry.setPublished(Date.from(story.publishedAt()));
        entry.setUpdated(Date.from(story.updatedAt()));
        entry.setAuthors(List.of(person(story.byline())));
        List<Category> categories = new ArrayList<>();
        for (ListedStory.TagLink tag : story.tags()) {
            Category category = new Category();
            category.setTerm(tag.slug());
            category.setLabel(tag.name());
            category.setScheme(feed.site().urlOf("/tags/"));
            categories.add(category);
        }
        entry.setCategories(categories);
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }
}
