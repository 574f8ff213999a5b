package org.galley.localkafka;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration of a single-node KRaft Kafka (broker and controller in one) that listens on
 * 127.0.0.1 only and is sized for one machine: every internal topic has one replica and one
 * partition, new topics get three partitions, and consumer groups start without delay.
 */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** What makes it a single loopback node with one log dir; the rest of the code relies on these. */
    static final Set<String> FIXED = Set.of("process.roles", "node.id", "controller.quorum.voters",
            "controller.quorum.bootstrap.servers", "controller.listener.names", "listeners",
            "log.dir", "log.dirs", "metadata.log.dir");

    private BrokerProperties() {
    }

    /** Settings for the given ports and log dir; {@code overrides} win over every default that is not {@link #FIXED}. */
    static Properties of(int port, int controllerPort, Path logDir, Properties overrides) {
        for (String key : overrides.stringPropertyNames()) {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException("The in-process Kafka sets " + key + " itself; it cannot be overridden");
            }
        }
        String host = LoopbackPorts.HOST;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB compaction buffer is allocated up front; a local broker needs little.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));

        props.putAll(overrides);
        return props;
    }
}
