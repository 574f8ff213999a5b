package org.galley.runtime;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service's {@code main} does: open the {@link OperationsServer} (health and metrics), start the
 * service, bind its meters, stop cleanly on SIGTERM or Ctrl-C, and wait in between.
 */
public final class ServiceRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /** Runs with the {@code GALLEY_OPS_*} settings from the environment. */
    public static void runUntilShutdown(GalleyService service) {
        runUntilShutdown(service, ServiceConfig.fromEnvironment());
    }

    public static void runUntilShutdown(GalleyService service, ServiceConfig config) {
        // Opened first, so a probe sees DOWN (not a refused connection) while the service starts.
        Optional<OperationsServer> ops = OperationsServer.startIfEnabled(service, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping {}", service.name());
            service.close();
            ops.ifPresent(OperationsServer::close);
            stopped.countDown();
        }, service.name() + "-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            // The ops server's threads would otherwise keep a service that never started alive, answering DOWN.
            ops.ifPresent(OperationsServer::close);
            throw e;
        }
        ops.ifPresent(server -> service.bindMetrics(server.registry()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
