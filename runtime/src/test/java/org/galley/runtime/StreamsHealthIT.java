package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.galley.localkafka.KafkaCluster;
import org.galley.localkafka.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams services on a real broker, watched as production watches them: one whose client goes to ERROR (its
 * global-store thread dies, which no handler can replace) makes {@link ServiceRunner} close it and exit
 * non-zero; one that has not started, or is stuck in a rebalance, answers 503 on ready and 200 on live, so a
 * liveness probe would not kill it.
 */
class StreamsHealthIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path state;

    private static KafkaCluster kafka;
    private static ServiceConfig config;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.start();
        config = new ServiceConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "GALLEY_TOPIC_PARTITIONS", "1",
                "GALLEY_OPS_ENABLED", "false"));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aServiceWhoseClientGoesToErrorIsClosedAndExitsNonZero() throws Exception {
        Topic<String, String> poisons = new Topic<>("health-global", Serdes.String(), Serdes.String());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("health-global-store"),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                poisons.name(), Consumed.with(Serdes.String(), Serdes.String()), () -> new Processor<String, String, Void, Void>() {
                    @Override
                    public void process(Record<String, String> record) {
                        if (record.value().equals("poison")) {
                            throw new IllegalStateException("a global store that cannot take this record");
                        }
                    }
                });
        StreamsService service = new StreamsService("health-error", builder.build(),
                properties("health-error", state.resolve("error")), config, List.of(poisons));
        List<Integer> exits = new CopyOnWriteArrayList<>();
        Thread runner = new Thread(() -> ServiceRunner.runUntilShutdown(service, config, exits::add), "health-error-runner");
        runner.start();
        assertThat(service.awaitHealthy(WAIT)).as("RUNNING before the poison").isTrue();
        assertThat(service.failure()).isEmpty();

        send(poisons.name(), "poison");
        runner.join(WAIT.toMillis());

        assertThat(runner.isAlive()).as("the runner returned").isFalse();
        assertThat(exits).containsExactly(ServiceRunner.FAILED_EXIT_CODE);
        assertThat(service.streams()).as("closed by the runner").isEmpty();
    }

    @Test
    void readyIs503AndLive200BeforeStartAndWhileARebalanceWaits() throws Exception {
        Topic<String, String> input = new Topic<>("health-in", Serdes.String(), Serdes.String());
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StreamsService first = blockingService("first", input, entered, release);
        StreamsService second = blockingService("second", input, entered, release);
        try (OperationsServer ops = OperationsServer.start(second, "127.0.0.1", 0)) {
            assertThat(status(ops, "/healthz/ready")).as("ready before start").isEqualTo(503);
            assertThat(status(ops, "/healthz/live")).as("live before start").isEqualTo(200);

            first.start();
            assertThat(first.awaitHealthy(WAIT)).isTrue();
            send(input.name(), "block");
            assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // The first instance is stuck in a record, so the group cannot finish the rebalance the second one's
            // join starts (the classic protocol waits for every member to rejoin): the second stays REBALANCING.
            second.start();

            assertThat(status(ops, "/healthz/ready")).as("ready while rebalancing").isEqualTo(503);
            assertThat(status(ops, "/healthz")).as("/healthz is ready").isEqualTo(503);
            assertThat(status(ops, "/healthz/live")).as("live while rebalancing").isEqualTo(200);
            assertThat(second.failure()).isEmpty();

            release.countDown();
            assertThat(second.awaitHealthy(WAIT)).isTrue();
            assertThat(status(ops, "/healthz/ready")).isEqualTo(200);
        } finally {
            release.countDown();
            second.close();
            first.close();
        }
    }

    /** Passes records along, except that a record "block" holds its stream thread until {@code release}. */
    private static StreamsService blockingService(String instance, Topic<String, String> input, CountDownLatch entered,
                                                  CountDownLatch release) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input.name(), Consumed.with(Serdes.String(), Serdes.String())).foreach((key, value) -> {
            if (value.equals("block")) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Topology topology = builder.build();
        return new StreamsService("health-rebalance-" + instance, topology,
                properties("health-rebalance", state.resolve(instance)), config, List.of(input));
    }

    private static Properties properties(String applicationId, Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return properties;
    }

    private static void send(String topic, String value) {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value));
        }
    }

    private static int status(OperationsServer ops, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
