package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

/** How services hand their own meters to the runner's registry without the runner knowing their types. */
class ServiceMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aStreamsServiceThatHasNotStartedBindsNothing() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        StreamsService streams = new StreamsService("galley-test", builder.build(), new Properties(),
                new ServiceConfig(Map.of()), List.of());

        streams.bindMetrics(registry);

        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void aCompositeServiceBindsTheMetersOfEveryPart() {
        CompositeService composite = new CompositeService("galley-all", List.of(
                new MeteredService("first"), new PlainService(), new MeteredService("second")));

        composite.bindMetrics(registry);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .containsExactlyInAnyOrder("galley.first.parts", "galley.second.parts");
    }

    @Test
    void aServiceWithNoMetersOfItsOwnBindsNothing() {
        new PlainService().bindMetrics(registry);

        assertThat(registry.getMeters()).isEmpty();
    }

    private record MeteredService(String name) implements GalleyService {

        @Override
        public void start() {
        }

        @Override
        public boolean isHealthy() {
            return true;
        }

        @Override
        public void bindMetrics(MeterRegistry registry) {
            registry.gauge("galley." + name + ".parts", 1);
        }

        @Override
        public void close() {
        }
    }

    private record PlainService() implements GalleyService {

        @Override
        public String name() {
            return "plain";
        }

        @Override
        public void start() {
        }

        @Override
        public boolean isHealthy() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
