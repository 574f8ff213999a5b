package org.galley.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A page's one inline stylesheet (the site's colours as CSS custom properties, then the page kind's own rules)
 * and the Content-Security-Policy that allows exactly that stylesheet by its hash, so no other style, script,
 * font or frame can run on a Galley page even if something slipped past the sanitizer. Article pages (render)
 * and listing pages (site) share it.
 *
 * @param css  the stylesheet, placed in the page's {@code <style>} element as it is
 * @param hash the CSP source for it, {@code 'sha256-<base64>'}
 */
public record InlineStyle(String css, String hash) {

    // Colours come from configuration and end up inside CSS: accept only plain colour syntax.
    private static final Pattern CSS_COLOUR = Pattern.compile(
            "#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,30}|(?:rgb|rgba|hsl|hsla)\\([0-9.,%\\s/deg]{1,60}\\)");

    public InlineStyle {
        // Templates write the stylesheet as escaped text; without these characters escaping changes nothing,
        // so the bytes in the page are the bytes hashed here.
        if (css.contains("<") || css.contains(">") || css.contains("&")) {
            throw new IllegalArgumentException("An inline stylesheet must not contain '<', '>' or '&'");
        }
    }

    /**
     * The site's colours followed by {@code rules}. The text is stripped: browsers hash the style element's
     * exact text and some tools (the Nu Html Checker among them) hash it trimmed; without the whitespace both agree.
     */
    public static InlineStyle forSite(SiteSettings site, String rules) {
        String css = ":root{--accent:" + colour(site.accentColor(), "GALLEY_SITE_ACCENT_COLOR")
                + ";--ink:" + colour(site.inkColor(), "GALLEY_SITE_INK_COLOR")
                + ";--paper:" + colour(site.paperColor(), "GALLEY_SITE_PAPER_COLOR") + "}\n"
                + rules.strip();
        return new InlineStyle(css, "'sha256-" + sha256Base64(css) + "'");
    }

    /** A strict policy: nothing but this stylesheet, and images from this site or the web. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; img-src 'self' https: http:; style-src " + hash
                + "; base-uri 'none'; form-action 'none'";
    }

    /** A configured colour, refused unless it is plain CSS colour syntax; {@code setting} names it in the error. */
    public static String colour(String value, String setting) {
        if (value == null || !CSS_COLOUR.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(setting + " must be a CSS colour such as #c8102e, was '" + value + "'");
        }
        return value.strip();
    }

    /** A stylesheet shipped as a resource beside {@code owner}. */
    public static String rulesBeside(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
