package org.galley.site.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.galley.runtime.SiteSettings;

/**
 * The listing pages' one inline stylesheet (the site's colours as custom properties, then {@code listing.css},
 * in the article pages' visual language: system fonts, the masthead, the accent colour) and a
 * Content-Security-Policy that allows exactly that stylesheet, by its hash, and nothing else to run.
 *
 * @param css  the stylesheet as placed in the page's {@code <style>} element
 * @param hash its CSP source, {@code 'sha256-<base64>'}
 */
public record ListingStyle(String css, String hash) {

    // Stripped, so the style element holds no leading or trailing whitespace: browsers hash its exact text,
    // and some tools (the Nu Html Checker among them) hash it trimmed; without the whitespace both agree.
    private static final String LISTING_CSS = load("listing.css").strip();

    // Colours come from configuration and end up inside CSS: accept only plain colour syntax.
    private static final Pattern CSS_COLOUR = Pattern.compile(
            "#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,30}|(?:rgb|rgba|hsl|hsla)\\([0-9.,%\\s/deg]{1,60}\\)");

    public ListingStyle {
        // The template escapes the stylesheet like any text; without these characters that changes nothing,
        // so the bytes in the page are the bytes hashed here.
        if (css.contains("<") || css.contains(">") || css.contains("&")) {
            throw new IllegalArgumentException("The listing stylesheet must not contain '<', '>' or '&'");
        }
    }

    public static ListingStyle forSite(SiteSettings site) {
        String css = ":root{--accent:" + colour(site.accentColor(), "GALLEY_SITE_ACCENT_COLOR")
                + ";--ink:" + colour(site.inkColor(), "GALLEY_SITE_INK_COLOR")
                + ";--paper:" + colour(site.paperColor(), "GALLEY_SITE_PAPER_COLOR") + "}\n"
                + LISTING_CSS;
        return new ListingStyle(css, "'sha256-" + sha256Base64(css) + "'");
    }

    /** Nothing but this stylesheet, and images from this site or the web. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; img-src 'self' https: http:; style-src " + hash
                + "; base-uri 'none'; form-action 'none'";
    }

    static String colour(String value, String setting) {
        if (value == null || !CSS_COLOUR.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(setting + " must be a CSS colour such as #c8102e, was '" + value + "'");
        }
        return value.strip();
    }

    private static String sha256Base64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = ListingStyle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " beside " + ListingStyle.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
