package org.galley.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.HeroImage;
import org.galley.events.PublishedPage;
import org.galley.events.Tag;

/** Builds the published events the site's tests feed it: a story with sensible defaults, changed as a test needs. */
public final class StoryEvents {

    private final String articleId;
    private long revision = 1;
    private String path;
    private String headline;
    private String dek;
    private String category = "AI";
    private String byline = "Desk";
    private final List<Tag> tags = new ArrayList<>(List.of(new Tag("AI", "ai")));
    private HeroImage hero;
    private String language = "en";
    private Instant publishedAt = Instant.parse("2026-04-21T09:00:00Z");
    private Instant updatedAt;

    private StoryEvents(String articleId) {
        this.articleId = articleId;
        this.path = "/ai/" + articleId + "/";
        this.headline = "Story " + articleId;
    }

    public static StoryEvents story(String articleId) {
        return new StoryEvents(articleId);
    }

    public StoryEvents revision(long value) {
        revision = value;
        return this;
    }

    public StoryEvents path(String value) {
        path = value;
        return this;
    }

    public StoryEvents headline(String value) {
        headline = value;
        return this;
    }

    public StoryEvents dek(String value) {
        dek = value;
        return this;
    }

    public StoryEvents byline(String value) {
        byline = value;
        return this;
    }

    public StoryEvents category(String value) {
        category = value;
        return this;
    }

    /** Tags as "Name:slug". */
    public StoryEvents tags(String... nameAndSlug) {
        tags.clear();
        for (String tag : nameAndSlug) {
            String[] parts = tag.split(":", 2);
            tags.add(new Tag(parts[0], parts[1]));
        }
        return this;
    }

    public StoryEvents hero(String url, String alt) {
        hero = new HeroImage(url, alt, null, null);
        return this;
    }

    public StoryEvents language(String value) {
        language = value;
        return this;
    }

    public StoryEvents publishedAt(String instant) {
        publishedAt = Instant.parse(instant);
        return this;
    }

    public StoryEvents updatedAt(String instant) {
        updatedAt = Instant.parse(instant);
        return this;
    }

    public ArticlePublished published() {
        Instant updated = updatedAt == null ? publishedAt : updatedAt;
        PublishedPage page = PublishedPage.newBuilder().setHeadline(headline).setDek(dek).setByline(byline)
                .setCategory(category).setTags(List.copyOf(tags)).setExcerpt("The excerpt of " + headline + ".")
                .setHero(hero).setWordCount(420).setReadingTimeMinutes(2).setLanguage(language)
                .setPublishedAt(publishedAt).setUpdatedAt(updated).setRelated(List.of())
                .setHtml("<!doctype html><html lang=\"en\"><title>" + headline + "</title><h1>" + headline + "</h1></html>")
                .setContentHash("hash-" + articleId + "-" + revision).build();
        return ArticlePublished.newBuilder().setArticleId(articleId).setRevision(revision).setAction(Action.PUBLISH)
                .setSlug(slug()).setPath(path).setUrl("https://example.org" + path).setOccurredAt(updated)
                .setPage(page).build();
    }

    public ArticlePublished unpublished(String at) {
        return ArticlePublished.newBuilder().setArticleId(articleId).setRevision(revision).setAction(Action.UNPUBLISH)
                .setSlug(slug()).setPath(path).setUrl("https://example.org" + path).setOccurredAt(Instant.parse(at))
                .setPage(null).build();
    }

    /** The story as the site lists it. */
    public ListedStory listed() {
        return ListedStory.from(published());
    }

    private String slug() {
        String trimmed = path.substring(0, path.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
