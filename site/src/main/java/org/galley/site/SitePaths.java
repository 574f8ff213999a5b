package org.galley.site;

/** Where a page's URL path lives in the site folder: {@code /ai/story/} is served from {@code ai/story/index.html}. */
final class SitePaths {

    private SitePaths() {
    }

    static String fileOf(String urlPath) {
        String trimmed = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
        if (trimmed.isEmpty() || trimmed.endsWith("/")) {
            return trimmed + "index.html";
        }
        return trimmed.contains(".") ? trimmed : trimmed + "/index.html";
    }
}
