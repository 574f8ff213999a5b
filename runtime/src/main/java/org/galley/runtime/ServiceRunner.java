package org.galley.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service's {@code main} does: open the {@link OperationsServer} (health and metrics), start the
 * service, bind its meters, stop cleanly on SIGTERM or Ctrl-C, and wait in between. While it waits it watches
 * the service: one that has {@linkplain GalleyService#failure() failed for good} (a Streams client in ERROR, the
 * site's reader dead) is closed and the process exits with {@value #FAILED_EXIT_CODE}, so the orchestrator
 * (Compose's {@code restart:}, Kubernetes) starts a new one rather than leaving a process that only looks alive.
 */
public final class ServiceRunner {

    /** The exit code of a service that failed for good. */
    public static final int FAILED_EXIT_CODE = 1;

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    private ServiceRunner() {
    }

    /** Runs with the {@code GALLEY_OPS_*} settings from the environment. */
    public static void runUntilShutdown(GalleyService service) {
        runUntilShutdown(service, ServiceConfig.fromEnvironment());
    }

    public static void runUntilShutdown(GalleyService service, ServiceConfig config) {
        runUntilShutdown(service, config, System::exit);
    }

    /**
     * Runs until the JVM shuts down, or until the service fails for good: then it closes everything, calls
     * {@code exit} with {@value #FAILED_EXIT_CODE} and returns (tests pass an {@code exit} that only records).
     */
    public static void runUntilShutdown(GalleyService service, ServiceConfig config, IntConsumer exit) {
        // Opened first, so a probe sees DOWN (not a refused connection) while the service starts.
        Optional<OperationsServer> ops = OperationsServer.startIfEnabled(service, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("Stopping {}", service.name());
            stopAll(service, ops);
            stopped.countDown();
        }, service.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.start();
        } catch (RuntimeException e) {
            // The ops server's threads would otherwise keep a service that never started alive, answering DOWN.
            ops.ifPresent(OperationsServer::close);
            removeQuietly(hook);
            throw e;
        }
        ops.ifPresent(OperationsServer::bindMetrics);
        try {
            while (!stopped.await(WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                Optional<String> failure = service.failure();
                if (failure.isPresent()) {
                    log.error("{} has failed for good: {}. Stopping with exit code {} so that it is restarted.",
                            service.name(), failure.get(), FAILED_EXIT_CODE);
                    removeQuietly(hook);
                    stopAll(service, ops);
                    exit.accept(FAILED_EXIT_CODE);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopAll(GalleyService service, Optional<OperationsServer> ops) {
        try {
            service.close();
        } finally {
            ops.ifPresent(OperationsServer::close);
        }
    }

    /** The hook would close the service again at exit; it cannot be removed once the JVM is shutting down. */
    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            log.debug("The JVM is already shutting down", e);
        }
    }
}
