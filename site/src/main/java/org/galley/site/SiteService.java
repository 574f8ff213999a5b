package org.galley.site;

import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.galley.runtime.GalleyService;

/** The running site, with a window on what it has written so far (the local stack reports progress from it). */
public final class SiteService implements GalleyService {

    private final GalleyService running;
    private final SiteBuilder builder;
    private final SiteFolder folder;

    SiteService(GalleyService running, SiteBuilder builder, SiteFolder folder) {
        this.running = running;
        this.builder = builder;
        this.folder = folder;
    }

    public Optional<Outcome> outcome(String articleId) {
        return builder.outcome(articleId);
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
