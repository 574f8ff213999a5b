package org.galley.runtime;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One running part of Galley (a stream processor, an HTTP front door, a site writer). The same object runs
 * as its own process through {@link ServiceRunner} or beside the others inside the local stack.
 */
public interface GalleyService extends AutoCloseable {

    String name();

    /** Starts work in the background and returns. */
    void start();

    /** True while the service is doing its job (for health checks and for waiting on start-up). */
    boolean isHealthy();

    /** Waits until the service is healthy; false when the time ran out first. */
    default boolean awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isHealthy()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Registers the service's own meters (beyond the JVM's, which the runner binds) in the registry its
     * {@code /metrics} endpoint reads; called once after {@link #start()}. Most services have none.
     */
    default void bindMetrics(MeterRegistry registry) {
    }

    /** Stops work and releases everything; safe to call twice. */
    @Override
    void close();
}
