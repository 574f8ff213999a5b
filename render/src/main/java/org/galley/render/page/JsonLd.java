package org.galley.render.page;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Tag;
import org.galley.render.publish.Publications;
import org.galley.runtime.SiteSettings;

/**
 * The page's schema.org {@code NewsArticle} as JSON-LD, written by Jackson (never by string concatenation)
 * and made safe to place inside a {@code <script>} element: {@code <}, {@code >} and {@code &} become
 * JSON escapes, so no headline can close the script or open a comment.
 */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");

    private JsonLd() {
    }

    static String newsArticle(ArticleEnriched article, SiteSettings site, String imageUrl) {
        ArticleSubmitted submission = article.getSubmission();
        ObjectNode json = JSON.createObjectNode();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", submission.getHeadline());
        json.put("description", article.getExcerpt());
        if (imageUrl != null) {
            json.putArray("image").add(imageUrl);
        }
        json.put("datePublished", article.getFirstPublishedAt().toString());
        json.put("dateModified", Publications.updatedAt(article).toString());
        json.set("author", authors(submission.getByline(), site));
        ObjectNode publisher = json.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", site.name());
        publisher.put("url", site.baseUrl() + "/");
        ObjectNode mainEntity = json.putObject("mainEntityOfPage");
        mainEntity.put("@type", "WebPage");
        mainEntity.put("@id", article.getUrl());
        json.put("url", article.getUrl());
        json.put("articleSection", submission.getCategory());
        ArrayNode keywords = json.putArray("keywords");
        article.getTags().stream().map(Tag::getName).forEach(keywords::add);
        json.put("inLanguage", submission.getLanguage());
        json.put("wordCount", article.getWordCount());
        try {
            return scriptSafe(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    /** The byline as schema.org authors: the newsroom itself is an Organization, anyone else a Person. */
    private static ArrayNode authors(String byline, SiteSettings site) {
        ArrayNode authors = JSON.createArrayNode();
        List<String> names = Arrays.stream(AUTHOR_SEPARATOR.split(byline.strip()))
                .filter(name -> !name.isBlank())
                .toList();
        for (String name : names.isEmpty() ? List.of(site.name()) : names) {
            ObjectNode author = authors.addObject();
            boolean newsroom = name.equalsIgnoreCase(site.name());
            author.put("@type", newsroom ? "Organization" : "Person");
            author.put("name", name);
            if (newsroom) {
                author.put("url", site.baseUrl() + "/");
            }
        }
        return authors;
    }

    // In JSON these characters only occur inside strings, where the \\u escapes mean the same thing.
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
