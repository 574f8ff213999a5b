package org.galley.site.pages;

import java.util.Locale;

import org.galley.runtime.InlineStyle;
import org.galley.runtime.SiteSettings;

/**
 * The site's icon, {@code /favicon.svg}, which every page (render's and the listings) names in its head: the
 * first letter of the site's name on its accent colour. Drawn from the settings, so it needs no file of its own
 * and a replay writes the same bytes.
 */
public final class SiteIcon {

    public static final String FILE = "favicon.svg";

    private SiteIcon() {
    }

    public static String svg(SiteSettings site) {
        String name = site.name().strip();
        String initial = name.isEmpty() ? "" : new String(Character.toChars(name.codePointAt(0))).toUpperCase(Locale.ROOT);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"
                + "<rect width=\"64\" height=\"64\" rx=\"12\" fill=\"" + InlineStyle.colour(site.accentColor(), "GALLEY_SITE_ACCENT_COLOR") + "\"/>"
                + "<text x=\"32\" y=\"45\" text-anchor=\"middle\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif\""
                + " font-size=\"40\" font-weight=\"800\" fill=\"" + InlineStyle.colour(site.paperColor(), "GALLEY_SITE_PAPER_COLOR") + "\">"
                + escape(initial) + "</text></svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
