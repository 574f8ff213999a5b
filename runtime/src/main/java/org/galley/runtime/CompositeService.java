package org.galley.runtime;

import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

/** Several services run and stopped as one, e.g. ingest's HTTP front door beside its validation topology. */
public final class CompositeService implements GalleyService {

    private final String name;
    private final List<GalleyService> parts;

    public CompositeService(String name, List<GalleyService> parts) {
        this.name = name;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        parts.forEach(GalleyService::start);
    }

    @Override
    public boolean isHealthy() {
        return parts.stream().allMatch(GalleyService::isHealthy);
    }

    @Override
    public boolean isLive() {
        return parts.stream().allMatch(GalleyService::isLive);
    }

    /** The first part's failure, named after the part. */
    @Override
    public Optional<String> failure() {
        for (GalleyService part : parts) {
            Optional<String> failure = part.failure();
            if (failure.isPresent()) {
                return Optional.of(part.name() + ": " + failure.get());
            }
        }
        return Optional.empty();
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        parts.forEach(part -> part.bindMetrics(registry));
    }

    @Override
    public void close() {
        // Stop in reverse order, so nothing feeds a part that is already gone.
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }
}
