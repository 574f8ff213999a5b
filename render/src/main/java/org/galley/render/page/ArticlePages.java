package org.galley.render.page;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RelatedStory;
import org.galley.events.Tag;
import org.galley.render.markdown.MarkdownRenderer;
import org.galley.render.publish.Previews;
import org.galley.render.publish.Publications;
import org.galley.render.ticker.TickerEntry;
import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;

/**
 * Builds the {@link ArticlePage} of an enriched story: a pure function of the story, the ticker and the
 * site's settings. Addresses are checked here, so a story with an unusable link or image fails with a clear
 * reason instead of reaching readers.
 */
public final class ArticlePages {

    private static final String ARTICLE_RULES = InlineStyle.rulesBeside(ArticlePages.class, "article.css");
    // Only previews carry the banner's rules, so a live page's bytes (and its CSP hash) are as they were.
    private static final String PREVIEW_RULES = ARTICLE_RULES + InlineStyle.rulesBeside(ArticlePages.class, "preview.css");
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    private ArticlePages() {
    }

    /** The article page's stylesheet in the site's colours, and its hash for the page's CSP. */
    public static InlineStyle styleFor(SiteSettings site) {
        return InlineStyle.forSite(site, ARTICLE_RULES);
    }

    /** The preview page's stylesheet: the article page's, and the preview banner's. */
    public static InlineStyle previewStyleFor(SiteSettings site) {
        return InlineStyle.forSite(site, PREVIEW_RULES);
    }

    /** The page of {@code article} with the site's own stylesheet and the standard Markdown renderer. */
    public static ArticlePage from(ArticleEnriched article, List<TickerEntry> ticker, SiteSettings site) {
        return from(article, ticker, site, Previews.isPreview(article) ? previewStyleFor(site) : styleFor(site),
                MARKDOWN);
    }

    /**
     * As {@link #from(ArticleEnriched, List, SiteSettings)}, with the stylesheet and renderer given. A preview
     * ({@link Previews}) must be at its token's path; its canonical URL is its own address, and it shows no ticker
     * and no related stories (enrich chooses those when the story is published).
     */
    public static ArticlePage from(ArticleEnriched article, List<TickerEntry> ticker, SiteSettings site,
                                   InlineStyle style, MarkdownRenderer markdown) {
        ArticleSubmitted submission = article.getSubmission();
        String articleId = submission.getArticleId();
        String language = blankToNull(submission.getLanguage()) == null ? site.language() : submission.getLanguage();
        boolean preview = Previews.isPreview(article);
        String path = preview ? Previews.path(article) : Links.sitePath(article.getPath(), "path of article " + articleId);
        String url = Links.httpUrl(article.getUrl(), "url of article " + articleId);

        ArticlePage.Hero hero = hero(submission.getHero(), articleId);
        String socialImage = hero == null ? null : Links.absolute(site, hero.src());
        return new ArticlePage(
                language,
                submission.getHeadline() + " · " + site.name(),
                article.getExcerpt(),
                url,
                site,
                style,
                (preview ? List.<TickerEntry>of() : ticker).stream().map(entry -> new ArticlePage.TickerLink(entry.headline(),
                        Links.sitePath(entry.path(), "ticker path of article " + entry.articleId()))).toList(),
                submission.getCategory(),
                // A preview's address says nothing of the section its story will be filed in.
                preview ? null : Links.sectionPath(path),
                submission.getHeadline(),
                blankToNull(submission.getDek()),
                submission.getByline(),
                article.getReadingTimeMinutes(),
                article.getFirstPublishedAt(),
                Publications.updatedAt(article),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(language))
                        .withZone(ZoneOffset.UTC)
                        .format(article.getFirstPublishedAt()),
                hero,
                markdown.toHtml(submission.getBodyMarkdown()),
                (preview ? List.<RelatedStory>of() : article.getRelated()).stream().map(related -> new ArticlePage.RelatedLink(related.getLabel(),
                        related.getHeadline(),
                        Links.sitePath(related.getPath(), "path of related story " + related.getArticleId()))).toList(),
                article.getTags().stream().map(Tag::getName).toList(),
                socialImage,
                JsonLd.newsArticle(article, site, socialImage),
                preview);
    }

    private static ArticlePage.Hero hero(HeroImage image, String articleId) {
        if (image == null) {
            return null;
        }
        String src = Links.imageSource(image.getUrl(), "hero image of article " + articleId);
        if (image.getAlt() == null || image.getAlt().isBlank()) {
            throw new IllegalArgumentException("hero image of article " + articleId + " needs alt text");
        }
        return new ArticlePage.Hero(src, image.getAlt(), blankToNull(image.getCaption()), blankToNull(image.getCredit()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
