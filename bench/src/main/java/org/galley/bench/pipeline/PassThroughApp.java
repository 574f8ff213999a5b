package org.galley.bench.pipeline;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.galley.runtime.GalleyService;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.ServiceRunner;
import org.galley.runtime.StreamsService;
import org.galley.runtime.StreamsSettings;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;

/**
 * Runs one pass-through stage of the ceiling chain ({@link PassThroughTopology}) as Galley runs its stages: the
 * same {@link StreamsSettings} (exactly_once_v2, dead letters, message size), {@link ServiceRunner} and ops
 * port. Reads {@code GALLEY_BENCH_FROM} and writes {@code GALLEY_BENCH_TO} (bytes in, the same bytes out), as
 * the application {@code GALLEY_BENCH_APPLICATION_ID}.
 */
public final class PassThroughApp {

    private PassThroughApp() {
    }

    public static GalleyService create(ServiceConfig config) {
        Topics topics = Topics.fromConfig(config);
        Topic<byte[], byte[]> from = bytes(required(config, "GALLEY_BENCH_FROM"));
        Topic<byte[], byte[]> to = bytes(required(config, "GALLEY_BENCH_TO"));
        String applicationId = required(config, "GALLEY_BENCH_APPLICATION_ID");
        return new StreamsService(applicationId, PassThroughTopology.build(from, to),
                StreamsSettings.forService(applicationId, config, topics), config, List.of(from, to, topics.deadLetter()));
    }

    public static void main(String[] args) {
        ServiceRunner.runUntilShutdown(create(ServiceConfig.fromEnvironment()));
    }

    static Topic<byte[], byte[]> bytes(String name) {
        return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
    }

    private static String required(ServiceConfig config, String name) {
        return config.find(name).orElseThrow(() -> new IllegalArgumentException(name + " must be set"));
    }
}
