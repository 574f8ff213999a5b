package org.galley.site.pages;

import java.util.List;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.galley.site.listing.Listing;

/**
 * Renders the listing pages with the precompiled jte templates ({@code index.jte}, {@code section.jte},
 * {@code tag.jte}, sharing {@code layout.jte} and {@code stories.jte}): a pure function of the listing, its
 * stories and the site's settings.
 */
public final class ListingPages {

    private static final String LISTING_RULES = InlineStyle.rulesBeside(ListingPages.class, "listing.css");

    /** Enough for a front page; older stories stay reachable through the sitemap and their sections. */
    public static final int MAX_STORIES = 100;

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(
            null, ContentType.Html, ListingPages.class.getClassLoader(), "org.galley.site.templates");
    private final SiteSettings site;
    private final InlineStyle style;

    public ListingPages(SiteSettings site) {
        this.site = site;
        this.style = InlineStyle.forSite(site, LISTING_RULES);
    }

    /** The page of {@code listing} with {@code newestFirst}, its live stories. */
    public String render(Listing listing, List<ListedStory> newestFirst) {
        List<ListedStory> shown = newestFirst.subList(0, Math.min(MAX_STORIES, newestFirst.size()));
        String name = listing.name(site, newestFirst);
        ListingPage page = switch (listing.kind()) {
            case HOME -> new ListingPage(site, style, listing, "Latest stories",
                    site.name() + " · " + site.tagline(), listing.description(site, newestFirst), shown);
            case SECTION, TAG -> new ListingPage(site, style, listing, name, listing.title(site, newestFirst),
                    listing.description(site, newestFirst), shown);
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
