package org.galley.render.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.galley.runtime.SiteSettings;

/**
 * The checks every address on a page passes: an href or src comes from upstream events, and one bad value
 * must fail that story's render with a clear reason rather than reach a reader as a {@code javascript:} link.
 */
final class Links {

    private static final Pattern UNSAFE_IN_PATH = Pattern.compile("[\\s\\p{Cntrl}\\\\]");

    private Links() {
    }

    /** A site-relative path such as {@code /ai/story/}; not protocol-relative, no spaces or backslashes. */
    static String sitePath(String value, String what) {
        if (value == null || !value.startsWith("/") || value.startsWith("//") || UNSAFE_IN_PATH.matcher(value).find()) {
            throw new IllegalArgumentException(what + " must be a site path starting with one '/', was '" + value + "'");
        }
        return value;
    }

    /** An absolute http or https URL with a host. */
    static String httpUrl(String value, String what) {
        try {
            URI uri = new URI(value == null ? "" : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // Reported below with the value, like any other unusable address.
        }
        throw new IllegalArgumentException(what + " must be an absolute http(s) URL, was '" + value + "'");
    }

    /** An image address: absolute http(s), or a path on this site. */
    static String imageSource(String value, String what) {
        return value != null && value.startsWith("/") ? sitePath(value, what) : httpUrl(value, what);
    }

    /** The absolute form of an http(s) URL or site path, for tags read by other sites (Open Graph, JSON-LD). */
    static String absolute(SiteSettings site, String urlOrPath) {
        return urlOrPath.startsWith("/") ? site.urlOf(urlOrPath) : urlOrPath;
    }

    /**
     * The section page an article lives under: {@code /ai/} for {@code /ai/some-story/}. Enrich puts every
     * story at {@code /<section>/<slug>/}, and the site serves each section's page at {@code /<section>/}, so
     * the address comes from the story's own path rather than being slugged again here. Null for a story at
     * the top level ({@code /<slug>/}, when its category has no Latin letters or digits): it has no section page.
     */
    static String sectionPath(String articlePath) {
        int end = articlePath.indexOf('/', 1);
        return end < 0 || end == articlePath.length() - 1 ? null : articlePath.substring(0, end + 1);
    }
}
