package org.galley.site;

import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.galley.runtime.GalleyService;

/** The running site and the folder it writes (a story's status is ingest's to tell, not the site's). */
public final class SiteService implements GalleyService {

    private final GalleyService running;
    private final SiteFolder folder;

    SiteService(GalleyService running, SiteFolder folder) {
        this.running = running;
        this.folder = folder;
    }

    public SiteFolder folder() {
        return folder;
    }

    @Override
    public String name() {
        return "site";
    }

    @Override
    public void start() {
        running.start();
    }

    @Override
    public boolean isHealthy() {
        return running.isHealthy();
    }

    @Override
    public boolean isLive() {
        return running.isLive();
    }

    @Override
    public Optional<String> failure() {
        return running.failure();
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        running.bindMetrics(registry);
    }

    @Override
    public void close() {
        running.close();
    }
}
