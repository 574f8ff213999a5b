package org.galley.render.page;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;

/**
 * Everything an article page shows, already checked and formatted, so the template only places values.
 * Built by {@link ArticlePages#from}; rendered by a {@link PageRenderer}.
 *
 * @param language           BCP 47 language of the story, for {@code <html lang>}
 * @param title              the document title: headline · site name
 * @param description        the excerpt, for the meta description and social cards
 * @param canonicalUrl       the page's absolute URL
 * @param site               masthead and publisher
 * @param style              the inline stylesheet and its CSP hash
 * @param ticker             latest headlines, newest first, this story included
 * @param category           section label above the headline
 * @param categoryPath       the section's page, {@code /<section>/}, or null when the story has none
 * @param headline           the page's only h1
 * @param dek                standfirst, or null
 * @param byline             author(s), without "By"
 * @param readingTimeMinutes estimated minutes to read
 * @param publishedAt        first publication
 * @param updatedAt          this revision
 * @param publishedLabel     first publication as readers see it, e.g. "April 28, 2026"
 * @param hero               lead image, or null
 * @param bodyHtml           the story body, sanitized HTML
 * @param related            stories to read next
 * @param tags               tag names, most salient first
 * @param socialImageUrl     absolute URL of the hero for Open Graph and Twitter cards, or null
 * @param jsonLd             the NewsArticle JSON-LD, already safe inside a script element
 * @param preview            a preview of an unpublished story: kept out of search engines (noindex, nofollow),
 *                           marked with a banner, with no LIVE strip
 */
public record ArticlePage(
        String language,
        String title,
        String description,
        String canonicalUrl,
        SiteSettings site,
        InlineStyle style,
        List<TickerLink> ticker,
        String category,
        String categoryPath,
        String headline,
        String dek,
        String byline,
        int readingTimeMinutes,
        Instant publishedAt,
        Instant updatedAt,
        String publishedLabel,
        Hero hero,
        String bodyHtml,
        List<RelatedLink> related,
        List<String> tags,
        String socialImageUrl,
        String jsonLd,
        boolean preview) {

    // Languages written right to left (ISO 639-1 where one exists, as Locale reports them; "iw" and "ji" are
    // Java's names for Hebrew and Yiddish).
    private static final Set<String> RIGHT_TO_LEFT = Set.of(
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi");

    public ArticlePage {
        ticker = List.copyOf(ticker);
        related = List.copyOf(related);
        tags = List.copyOf(tags);
    }

    /** A headline in the LIVE strip. */
    public record TickerLink(String headline, String path) {
    }

    /** The lead image; caption and credit may be null. */
    public record Hero(String src, String alt, String caption, String credit) {

        public boolean hasFigcaption() {
            return caption != null || credit != null;
        }
    }

    /** A "Read the ... Story" link at the foot of the page. */
    public record RelatedLink(String label, String headline, String path) {
    }

    /** The writing direction of the story's language, for {@code <html dir>}. */
    public String direction() {
        return RIGHT_TO_LEFT.contains(Locale.forLanguageTag(language).getLanguage()) ? "rtl" : "ltr";
    }

    public String publishedIso() {
        return publishedAt.toString();
    }

    public String updatedIso() {
        return updatedAt.toString();
    }

    public String contentSecurityPolicy() {
        return style.contentSecurityPolicy();
    }

    /** The robots meta tag's content, or null for a live page, which search engines may index. */
    public String robots() {
        return preview ? "noindex, nofollow" : null;
    }

    /** The large card when there is an image to show. */
    public String twitterCard() {
        return socialImageUrl == null ? "summary" : "summary_large_image";
    }
}
