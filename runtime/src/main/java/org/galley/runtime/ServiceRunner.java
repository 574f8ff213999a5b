package org.galley.runtime;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every service's {@code main} does: start, stop cleanly on SIGTERM or Ctrl-C, and wait in between. */
public final class ServiceRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    public static void runUntilShutdown(GalleyService service) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping {}", service.name());
            service.close();
            stopped.countDown();
        }, service.name() + "-shutdown"));
        service.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
