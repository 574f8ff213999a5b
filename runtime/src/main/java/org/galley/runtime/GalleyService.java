package org.galley.runtime;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One running part of Galley (a stream processor, an HTTP front door, a site writer). The same object runs
 * as its own process through {@link ServiceRunner} or beside the others inside the local stack.
 */
public interface GalleyService extends AutoCloseable {

    String name();

    /** Starts work in the background and returns. */
    void start();

    /**
     * Ready: true while the service is doing its job (a Streams client RUNNING, a front door open, a site caught
     * up). Answers {@code /healthz/ready} (and {@code /healthz}), and start-up waits for it.
     */
    boolean isHealthy();

    /**
     * Live: the process is working, even if not ready yet (starting, rebalancing, restoring, replaying): it has
     * not {@linkplain #failure() failed for good} and is not wedged. Answers {@code /healthz/live}; an
     * orchestrator restarts a service that stays not live, so only say false when a restart is the cure.
     */
    default boolean isLive() {
        return failure().isEmpty();
    }

    /**
     * Why the service has failed for good and cannot recover by itself (its Streams client in ERROR, its reader
     * thread dead); empty while it has not. {@link ServiceRunner} then exits non-zero so the orchestrator starts
     * a new process; the local stack, which runs every service in one JVM, logs it and reports it DOWN.
     */
    default Optional<String> failure() {
        return Optional.empty();
    }

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
