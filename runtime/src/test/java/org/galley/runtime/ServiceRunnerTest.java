package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

    private static final ServiceConfig NO_OPS = new ServiceConfig(Map.of("GALLEY_OPS_ENABLED", "false"));

    @Test
    void aServiceThatFailsForGoodIsClosedAndTheProcessExitsNonZero() {
        FailingService service = new FailingService(Optional.of("the Kafka Streams client is in ERROR"));
        List<Integer> exits = new CopyOnWriteArrayList<>();

        ServiceRunner.runUntilShutdown(service, NO_OPS, exits::add);

        assertThat(exits).containsExactly(ServiceRunner.FAILED_EXIT_CODE);
        assertThat(service.closed).isTrue();
    }

    @Test
    void theLocalStacksCompositeNamesThePartThatFailed() {
        CompositeService stack = new CompositeService("site", List.of(new FailingService(Optional.empty()),
                new FailingService(Optional.of("dead"))));

        assertThat(stack.failure()).hasValue("failing: dead");
        assertThat(stack.isLive()).isFalse();
    }

    /** A service that reports the failure it was given from the start. */
    private static final class FailingService implements GalleyService {

        private final Optional<String> failure;
        volatile boolean closed;

        FailingService(Optional<String> failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public void start() {
        }

        @Override
        public boolean isHealthy() {
            return failure.isEmpty();
        }

        @Override
        public Optional<String> failure() {
            return failure;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
