package org.galley.localkafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka in a Docker container, started through Testcontainers and configured like
 * {@link BrokerProperties}. Only {@link TestKafka} touches this class, and only once it knows
 * Testcontainers is on the class path.
 */
final class DockerKafka implements KafkaCluster {

    static final String IMAGE = "apache/kafka:4.4.0";

    private static final Set<String> LOCAL_DOCKER_HOSTS = Set.of("localhost", "127.0.0.1");

    private final KafkaContainer container;

    private DockerKafka(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static KafkaCluster start() {
        KafkaContainer container = new KafkaContainer(IMAGE).withEnv(Map.of(
                "KAFKA_NUM_PARTITIONS", "3",
                "KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_NUM_PARTITIONS", "1"));
        if (LOCAL_DOCKER_HOSTS.contains(DockerClientFactory.instance().dockerHostIpAddress())) {
            container.withCreateContainerCmdModifier(DockerKafka::publishOnLoopbackOnly);
        }
        container.start();
        return new DockerKafka(container);
    }

    /** Docker publishes ports on every interface by default; a test broker should not be reachable from outside. */
    private static void publishOnLoopbackOnly(CreateContainerCmd cmd) {
        Ports published = cmd.getHostConfig().getPortBindings();
        if (published == null) {
            return;
        }
        List<PortBinding> loopback = new ArrayList<>();
        published.getBindings().forEach((exposed, bindings) -> {
            for (Ports.Binding binding : bindings == null ? new Ports.Binding[] {Ports.Binding.empty()} : bindings) {
                loopback.add(new PortBinding(new Ports.Binding(LoopbackPorts.HOST, binding.getHostPortSpec()), exposed));
            }
        });
        cmd.getHostConfig().withPortBindings(loopback);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
