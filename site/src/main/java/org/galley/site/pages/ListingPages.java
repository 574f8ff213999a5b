package org.galley.site.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.ListingSlice;

/**
 * Renders the listing pages with the precompiled jte templates ({@code index.jte}, {@code section.jte},
 * {@code tag.jte}, sharing {@code layout.jte} and {@code stories.jte}): a pure function of one page of a
 * listing and the site's settings.
 */
public final class ListingPages {

    private static final String LISTING_RULES = InlineStyle.rulesBeside(ListingPages.class, "listing.css");

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(
            null, ContentType.Html, ListingPages.class.getClassLoader(), "org.galley.site.templates");
    private final SiteSettings site;
    private final InlineStyle style;

    public ListingPages(SiteSettings site) {
        this.site = site;
        this.style = InlineStyle.forSite(site, LISTING_RULES);
    }

    /**
     * The page {@code slice} of its listing. A section or tag page is named by the newest story it shows (on
     * the listing's own page, the listing's newest), so a page's bytes depend on its own stories only.
     */
    public String render(ListingSlice slice) {
        var listing = slice.listing();
        ListedStory newest = slice.stories().isEmpty() ? null : slice.stories().get(0);
        // Each page of a listing has its own title, so a reader's tabs and a search result tell them apart.
        String pageSuffix = slice.archive() ? " · Page " + slice.number() : "";
        ListingPage page = switch (listing.kind()) {
            case HOME -> new ListingPage(site, style, slice, "Latest stories",
                    site.name() + " · " + site.tagline() + pageSuffix, listing.description(site, newest));
            case SECTION, TAG -> new ListingPage(site, style, slice, listing.name(site, newest),
                    listing.title(site, newest) + pageSuffix, listing.description(site, newest));
        };
        String template = switch (listing.kind()) {
            case HOME -> "index.jte";
            case SECTION -> "section.jte";
            case TAG -> "tag.jte";
        };
        StringOutput out = new StringOutput();
        templates.render(template, page, out);
        return out.toString();
    }
}
