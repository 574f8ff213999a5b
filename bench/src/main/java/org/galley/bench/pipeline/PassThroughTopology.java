package org.galley.bench.pipeline;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.galley.runtime.Topic;

/**
 * One stage of the ceiling chain: every record of {@code from} written unchanged to {@code to} (key and value
 * bytes as they are). What is left is the cost any stage pays whatever it does: reading, the exactly-once
 * transaction, writing.
 */
final class PassThroughTopology {

    private PassThroughTopology() {
    }

    static Topology build(Topic<byte[], byte[]> from, Topic<byte[], byte[]> to) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(from.name(), from.consumed().withName("pass-source"))
                .to(to.name(), to.produced().withName("pass-sink"));
        return builder.build();
    }
}
