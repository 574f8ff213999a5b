package org.galley.site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.galley.runtime.SiteSettings;

/** Renders the home page (latest stories, newest first) with the precompiled {@code index.jte} template. */
public final class HomePage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(
            null, ContentType.Html, HomePage.class.getClassLoader(), "org.galley.site.templates");
    private final SiteSettings site;

    public HomePage(SiteSettings site) {
        this.site = site;
    }

    public String render(List<ListedStory> stories) {
        StringOutput out = new StringOutput();
        templates.render("index.jte", new HomeModel(site, stories), out);
        return out.toString();
    }

    /** The template's one parameter. */
    public record HomeModel(SiteSettings site, List<ListedStory> stories) {

        public String dateOf(ListedStory story) {
            return DATE.format(story.publishedAt());
        }
    }
}
