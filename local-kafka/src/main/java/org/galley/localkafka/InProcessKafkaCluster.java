package org.galley.localkafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several brokers and one separate controller, all in this JVM on 127.0.0.1, for tests that need
 * what a single node cannot show: replicated topics, partitions led by different brokers, and a transaction
 * coordinator and group coordinator that are not the partition leaders. Topics get three replicas (two in sync to
 * write) and six partitions unless asked otherwise. Log dirs are temporary and deleted on {@link #close()}.
 */
public final class InProcessKafkaCluster implements KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafkaCluster.class);
    private static final int CONTROLLER_ID = 0;

    private final List<KafkaRaftServer> nodes;
    private final String bootstrapServers;
    private final Path root;

    private InProcessKafkaCluster(List<KafkaRaftServer> nodes, String bootstrapServers, Path root) {
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
        this.root = root;
    }

    /** Starts a controller, then {@code brokers} brokers (node ids 1..n), and returns once every broker is up. */
    public static InProcessKafkaCluster start(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("A cluster needs at least one broker");
        }
        long began = System.nanoTime();
        Path root = createRoot();
        String clusterId = Uuid.randomUuid().toString();
        int controllerPort = LoopbackPorts.free();
        String voters = CONTROLLER_ID + "@" + LoopbackPorts.HOST + ":" + controllerPort;
        List<KafkaRaftServer> nodes = new ArrayList<>();
        List<String> brokerAddresses = new ArrayList<>();
        try {
            int replicas = Math.min(3, brokers);
            nodes.add(startNode(controller(controllerPort, voters, root.resolve("controller"), replicas), CONTROLLER_ID,
                    root.resolve("controller"), clusterId));
            for (int id = 1; id <= brokers; id++) {
                int port = LoopbackPorts.free();
                Path logDir = root.resolve("broker-" + id);
                nodes.add(startNode(broker(id, port, voters, logDir, replicas), id, logDir, clusterId));
                brokerAddresses.add(LoopbackPorts.HOST + ":" + port);
            }
        } catch (RuntimeException e) {
            stopAll(nodes, e);
            deleteQuietly(root, e);
            throw e;
        }
        String bootstrapServers = String.join(",", brokerAddresses);
        LOG.info("Kafka cluster started in-process: controller on {}, brokers {} in {} ms", controllerPort,
                bootstrapServers, (System.nanoTime() - began) / 1_000_000);
        return new InProcessKafkaCluster(nodes, bootstrapServers, root);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the brokers, then the controller, and deletes the log dirs. */
    @Override
    public synchronized void close() {
        if (nodes.isEmpty()) {
            return;
        }
        RuntimeException failure = new IllegalStateException("The in-process Kafka cluster did not stop cleanly");
        stopAll(nodes, failure);
        nodes.clear();
        deleteQuietly(root, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        LOG.info("Kafka cluster {} stopped", bootstrapServers);
    }

    private static Properties controller(int port, String voters, Path logDir, int replicas) {
        Properties props = new Properties();
        props.put("process.roles", "controller");
        props.put("node.id", String.valueOf(CONTROLLER_ID));
        props.put("controller.quorum.voters", voters);
        props.put("controller.listener.names", BrokerProperties.CONTROLLER_LISTENER);
        props.put("listeners", BrokerProperties.CONTROLLER_LISTENER + "://" + LoopbackPorts.HOST + ":" + port);
        props.put("listener.security.protocol.map", BrokerProperties.CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // Under KRaft the controller creates topics, so a topic's default partitions and replicas are its settings.
        props.put("num.partitions", "6");
        props.put("default.replication.factor", String.valueOf(replicas));
        props.put("min.insync.replicas", String.valueOf(Math.max(1, replicas - 1)));
        return props;
    }

    private static Properties broker(int id, int port, String voters, Path logDir, int replicas) {
        String address = LoopbackPorts.HOST + ":" + port;
        String inSync = String.valueOf(Math.max(1, replicas - 1));
        Properties props = new Properties();
        props.put("process.roles", "broker");
        props.put("node.id", String.valueOf(id));
        props.put("controller.quorum.voters", voters);
        props.put("controller.listener.names", BrokerProperties.CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + address);
        props.put("advertised.listeners", "PLAINTEXT://" + address);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + BrokerProperties.CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "6");
        props.put("default.replication.factor", String.valueOf(replicas));
        props.put("min.insync.replicas", inSync);
        props.put("offsets.topic.replication.factor", String.valueOf(replicas));
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        props.put("transaction.state.log.min.isr", inSync);
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
        props.put("share.coordinator.state.topic.min.isr", inSync);
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return props;
    }

    private static KafkaRaftServer startNode(Properties props, int nodeId, Path logDir, String clusterId) {
        LogDirFormat.formatIfNew(logDir, nodeId, clusterId);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("Kafka node " + nodeId + " did not start: "
                    + e.getMessage(), e);
            stopAll(List.of(server), failure);
            throw failure;
        }
    }

    /** Stops nodes in reverse start order (brokers before the controller they report to). */
    private static void stopAll(List<KafkaRaftServer> nodes, Exception failure) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).shutdown();
                nodes.get(i).awaitShutdown();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("galley-kafka-cluster-");
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a temporary folder for the Kafka cluster", e);
        }
    }

    private static void deleteQuietly(Path dir, Exception failure) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
