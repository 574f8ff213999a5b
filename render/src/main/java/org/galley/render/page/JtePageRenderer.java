package org.galley.render.page;

import java.util.List;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.galley.events.ArticleEnriched;
import org.galley.render.markdown.MarkdownRenderer;
import org.galley.render.publish.Previews;
import org.galley.render.ticker.TickerEntry;
import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;

/**
 * The article page from the jte template {@code src/main/jte/article.jte}, compiled with the module (no
 * compiler at run time) in HTML mode, so every value is escaped for where it stands. A preview
 * ({@link Previews}) gets the same page with the preview banner's rules in its stylesheet. Thread-safe.
 */
public final class JtePageRenderer implements PageRenderer {

    private static final String TEMPLATE = "article.jte";
    private static final String TEMPLATE_PACKAGE = "org.galley.render.templates";

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null, TEMPLATE_PACKAGE);
    private final SiteSettings site;
    private final InlineStyle style;
    private final InlineStyle previewStyle;
    private final MarkdownRenderer markdown;

    /** @throws IllegalArgumentException when the site's colours are not CSS colours */
    public JtePageRenderer(SiteSettings site) {
        this(site, new MarkdownRenderer());
    }

    public JtePageRenderer(SiteSettings site, MarkdownRenderer markdown) {
        this.site = site;
        this.style = ArticlePages.styleFor(site);
        this.previewStyle = ArticlePages.previewStyleFor(site);
        this.markdown = markdown;
    }

    @Override
    public String render(ArticleEnriched article, List<TickerEntry> ticker) {
        InlineStyle pageStyle = Previews.isPreview(article) ? previewStyle : style;
        return render(ArticlePages.from(article, ticker, site, pageStyle, markdown));
    }

    public String render(ArticlePage page) {
        StringOutput output = new StringOutput(32 * 1024);
        templates.render(TEMPLATE, page, output);
        return output.toString();
    }
}
