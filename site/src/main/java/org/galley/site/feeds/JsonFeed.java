package org.galley.site.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/**
 * The JSON Feed 1.1 of a listing ({@code feed.json}, https://jsonfeed.org/version/1.1). Each item has the
 * spec's required {@code id} and a {@code content_text} (the excerpt), plus url, title, summary (the dek, or
 * the excerpt), publication and modification times (RFC 3339), tags, authors, language and image.
 */
public final class JsonFeed {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFeed() {
    }

    public static String render(FeedContent feed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.pageUrl());
        root.put("feed_url", feed.feedUrl(Listing.JSON_FEED));
        root.put("description", feed.description());
        root.put("language", feed.site().language());
        root.putArray("authors").addObject().put("name", feed.site().name());
        ArrayNode items = root.putArray("items");
        for (ListedStory story : feed.items()) {
            ObjectNode item = items.addObject();
            item.put("id", feed.idOf(story));
            item.put("url", feed.urlOf(story));
            item.put("title", story.headline());
            item.put("summary", story.dek() != null ? story.dek() : story.excerpt());
            item.put("content_text", story.excerpt());
            if (story.thumbnail() != null) {
                item.put("image", feed.absolute(story.thumbnail().src()));
            }
            item.put("date_published", story.publishedAt().toString());
            item.put("date_modified", story.updatedAt().toString());
            ArrayNode tags = item.putArray("tags");
            story.tagNames().forEach(tags::add);
            item.putArray("authors").addObject().put("name", story.byline());
            item.put("language", story.language());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The JSON feed of " + feed.listing().path() + " could not be written", e);
        }
    }
}
