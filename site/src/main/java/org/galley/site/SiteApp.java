package org.galley.site;

import java.nio.file.Path;
import java.util.List;

import org.galley.runtime.CompositeService;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.Topics;

/**
 * The site: writes the published stream to {@code GALLEY_SITE_DIR} (default {@code ./site-out}) and serves it
 * on {@code GALLEY_SITE_PORT} (default 8080; set {@code GALLEY_SITE_SERVE=false} when a real web server or
 * CDN serves the folder).
 */
public final class SiteApp {

    private SiteApp() {
    }

    public static SiteService create(ServiceConfig config) {
        SiteFolder folder = new SiteFolder(Path.of(config.get("GALLEY_SITE_DIR", "site-out")));
        SiteBuilder builder = new SiteBuilder(folder, new HomePage(SiteSettings.fromConfig(config)));
        PublishedStreamReader reader = new PublishedStreamReader(config, Topics.fromConfig(config), builder);
        List<GalleyService> parts = config.getBoolean("GALLEY_SITE_SERVE", true)
                ? List.of(reader, new StaticSiteServer(folder, config.get("GALLEY_SITE_HOST", "0.0.0.0"),
                        config.getInt("GALLEY_SITE_PORT", 8080)))
                : List.of(reader);
        return new SiteService(new CompositeService("site", parts), builder, folder);
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }
}
