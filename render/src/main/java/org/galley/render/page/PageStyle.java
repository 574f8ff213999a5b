package org.galley.render.page;

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
 * The page's one inline stylesheet (the site's colours as custom properties, then {@code article.css}) and
 * the Content-Security-Policy that allows exactly that stylesheet by its hash, so no other style, script,
 * font or frame can run on a page even if something slipped past the sanitizer.
 *
 * @param css  the stylesheet, placed in the page's {@code <style>} element as it is
 * @param hash the CSP source for it, {@code 'sha256-<base64>'}
 */
public record PageStyle(String css, String hash) {

    // Stripped, so the style element holds no leading or trailing whitespace: browsers hash its exact text,
    // and some tools (the Nu Html Checker among them) hash it trimmed; without the whitespace both agree.
    private static final String ARTICLE_CSS = load("article.css").strip();

    // Colours come from configuration and end up inside CSS: accept only plain colour syntax.
    private static final Pattern CSS_COLOUR = Pattern.compile(
            "#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,30}|(?:rgb|rgba|hsl|hsla)\\([0-9.,%\\s/deg]{1,60}\\)");

    public PageStyle {
        // The template writes the stylesheet as escaped text; without these characters escaping changes
        // nothing, so the bytes in the page are the bytes hashed here.
        if (css.contains("<") || css.contains(">") || css.contains("&")) {
            throw new IllegalArgumentException("The page stylesheet must not contain '<', '>' or '&'");
        }
    }

    public static PageStyle forSite(SiteSettings site) {
        String css = ":root{--accent:" + colour(site.accentColor(), "GALLEY_SITE_ACCENT_COLOR")
                + ";--ink:" + colour(site.inkColor(), "GALLEY_SITE_INK_COLOR")
                + ";--paper:" + colour(site.paperColor(), "GALLEY_SITE_PAPER_COLOR") + "}\n"
                + ARTICLE_CSS;
        return new PageStyle(css, "'sha256-" + sha256Base64(css) + "'");
    }

    /** A strict policy: nothing but this stylesheet and images from this site or the web. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; img-src 'self' https: http:; style-src " + hash
                + "; base-uri 'none'; form-action 'none'";
    }

    private static String colour(String value, String setting) {
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
        try (InputStream in = PageStyle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " beside " + PageStyle.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
