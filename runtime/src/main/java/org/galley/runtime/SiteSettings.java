package org.galley.runtime;

/**
 * The newsroom's branding and addresses, shared by enrich (canonical URLs), render (the page) and the site
 * (listings and feeds). Stack Digest is the sample; a newsroom sets its own with {@code GALLEY_SITE_*}.
 *
 * @param name         masthead name, e.g. "Stack Digest"
 * @param tagline      masthead tagline, e.g. "Independent Tech Journalism"
 * @param domain       the domain shown in the masthead, e.g. "stackdigest.org"
 * @param baseUrl      where pages are served, without a trailing slash; canonical URLs start with it
 * @param language     default language of the site (BCP 47)
 * @param accentColor  CSS colour of the masthead, ticker and links
 * @param inkColor     CSS colour of body text
 * @param paperColor   CSS colour of the page background
 */
public record SiteSettings(String name, String tagline, String domain, String baseUrl, String language,
                           String accentColor, String inkColor, String paperColor) {

    public static SiteSettings fromConfig(ServiceConfig config) {
        return new SiteSettings(
                config.get("GALLEY_SITE_NAME", "Stack Digest"),
                config.get("GALLEY_SITE_TAGLINE", "Independent Tech Journalism"),
                config.get("GALLEY_SITE_DOMAIN", "stackdigest.org"),
                stripTrailingSlash(config.get("GALLEY_SITE_BASE_URL", "http://localhost:8080")),
                config.get("GALLEY_SITE_LANGUAGE", "en"),
                config.get("GALLEY_SITE_ACCENT_COLOR", "#c8102e"),
                config.get("GALLEY_SITE_INK_COLOR", "#1a1a1a"),
                config.get("GALLEY_SITE_PAPER_COLOR", "#fdfcf9"));
    }

    /** The sample branding, for tests. */
    public static SiteSettings stackDigest() {
        return fromConfig(new ServiceConfig(java.util.Map.of()));
    }

    /** The canonical absolute URL of a site-relative path such as {@code /ai/some-story/}. */
    public String urlOf(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
