package org.galley.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.galley.events.ArticlePublished;
import org.galley.events.HeroImage;
import org.galley.events.PublishedPage;
import org.galley.events.Tag;

/**
 * What the site keeps about one live story: enough to list it on the home, section and tag pages, in every
 * feed and in the sitemaps, without keeping its page.
 *
 * @param section     the slug of its section, the first segment of its path ({@code /ai/some-story/} is in
 *                    {@code ai}); null when the path has no section segment or an unusable one
 * @param category    the section's display name, e.g. "AI"
 * @param tags        its tags whose slugs can name a folder; others are left out of the listings
 * @param thumbnail   its hero image for listings, or null when it has none (or not an http(s) or site address)
 *
 * <p>It holds nothing a listing does not show, so a story published again with only its page changed (enrich
 * re-enriches a story when an earlier-dated one arrives later, changing its related links) equals what was
 * live and changes no listing.
 */
public record ListedStory(String articleId, long revision, String headline, String dek, String excerpt,
                          String category, String section, String byline, String path, Instant publishedAt,
                          Instant updatedAt, int readingTimeMinutes, int wordCount, List<TagLink> tags,
                          Thumbnail thumbnail, String language) {

    // A slug names a folder and a URL segment: letters, digits and inner hyphens, never a dot or a slash.
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");

    public ListedStory {
        tags = List.copyOf(tags);
    }

    /** A tag as listings show it; its page is {@code /tags/<slug>/}. */
    public record TagLink(String name, String slug) {

        public String path() {
            return "/tags/" + slug + "/";
        }
    }

    /** A listing's picture of a story: where the image is and what it shows. */
    public record Thumbnail(String src, String alt) {
    }

    /**
     * The story in a published event that carries a page, its text as XML can carry it ({@link XmlText}): a
     * character the feeds could not write becomes U+FFFD here, the one place event text enters the listings.
     */
    public static ListedStory from(ArticlePublished event) {
        PublishedPage page = event.getPage();
        if (page == null) {
            throw new IllegalArgumentException("Event of " + event.getArticleId() + " carries no page");
        }
        List<TagLink> tags = new ArrayList<>();
        for (Tag tag : page.getTags()) {
            if (isSlug(tag.getSlug()) && tags.stream().noneMatch(known -> known.slug().equals(tag.getSlug()))) {
                tags.add(new TagLink(XmlText.clean(tag.getName()), tag.getSlug()));
            }
        }
        return new ListedStory(event.getArticleId(), event.getRevision(), XmlText.clean(page.getHeadline()),
                blankToNull(XmlText.clean(page.getDek())), XmlText.clean(page.getExcerpt()),
                XmlText.clean(page.getCategory()), sectionOf(event.getPath()), XmlText.clean(page.getByline()),
                event.getPath(), page.getPublishedAt(), page.getUpdatedAt(), page.getReadingTimeMinutes(),
                page.getWordCount(), tags, thumbnailOf(page.getHero()), XmlText.clean(page.getLanguage()));
    }

    /** The section slug of a page path: its first segment when the page lies below it, else null. */
    public static String sectionOf(String path) {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        return segments.length >= 2 && isSlug(segments[0]) ? segments[0] : null;
    }

    public List<String> tagNames() {
        return tags.stream().map(TagLink::name).toList();
    }

    public String sectionPath() {
        return section == null ? null : "/" + section + "/";
    }

    static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    private static Thumbnail thumbnailOf(HeroImage hero) {
        if (hero == null || hero.getAlt() == null) {
            return null;
        }
        String url = hero.getUrl();
        boolean usable = url != null && XmlText.isClean(url) && !url.matches(".*[\\s\\\\].*")
                && (url.startsWith("https://") || url.startsWith("http://") || (url.startsWith("/") && !url.startsWith("//")));
        return usable ? new Thumbnail(url, XmlText.clean(hero.getAlt())) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
