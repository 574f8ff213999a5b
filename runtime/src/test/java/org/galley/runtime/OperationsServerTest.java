package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FakeService service = new FakeService("galley-fake");
    private final List<OperationsServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(OperationsServer::close);
    }

    @Test
    void healthzAnswers200UpWhileTheServiceIsHealthyAnd503DownWhenItIsNot() throws Exception {
        OperationsServer ops = start(Map.of());

        service.healthy.set(true);
        HttpResponse<String> up = get(ops, "/healthz");
        service.healthy.set(false);
        HttpResponse<String> down = get(ops, "/healthz");

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\",\"service\":\"galley-fake\"}");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"service\":\"galley-fake\"}");
    }

    @Test
    void liveAndReadyAreToldApartAndHealthzStaysTheReadyOne() throws Exception {
        OperationsServer ops = start(Map.of());

        service.healthy.set(false);
        service.live.set(true);

        assertThat(get(ops, "/healthz/live").statusCode()).as("starting or rebalancing is live").isEqualTo(200);
        assertThat(get(ops, "/healthz/ready").statusCode()).isEqualTo(503);
        assertThat(get(ops, "/healthz").statusCode()).isEqualTo(503);

        service.healthy.set(true);
        assertThat(get(ops, "/healthz/ready").statusCode()).isEqualTo(200);
        assertThat(get(ops, "/healthz").statusCode()).isEqualTo(200);

        service.live.set(false);
        HttpResponse<String> dead = get(ops, "/healthz/live");
        assertThat(dead.statusCode()).isEqualTo(503);
        assertThat(dead.body()).isEqualTo("{\"status\":\"DOWN\",\"service\":\"galley-fake\"}");
    }

    @Test
    void servingSeveralServicesItIsUpOnlyWhenEachIsAndTagsEachOnesMetersWithItsName() throws Exception {
        FakeService other = new FakeService("galley-other");
        OperationsServer ops = OperationsServer.start("stack", List.of(service, other), "127.0.0.1", 0);
        servers.add(ops);
        ops.bindMetrics();
        service.healthy.set(true);
        other.healthy.set(false);

        HttpResponse<String> ready = get(ops, "/healthz/ready");
        HttpResponse<String> live = get(ops, "/healthz/live");
        String metrics = get(ops, "/metrics").body();

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"service\":\"stack\","
                + "\"services\":{\"galley-fake\":\"UP\",\"galley-other\":\"DOWN\"}}");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(metrics)
                .contains("galley_fake_stories_total{service=\"galley-fake\"} 2.0")
                .contains("galley_fake_stories_total{service=\"galley-other\"} 2.0")
                .contains("process_uptime_seconds{service=\"stack\"}");
    }

    @Test
    void aHealthCheckThatThrowsAnswersDown() throws Exception {
        OperationsServer ops = start(Map.of());
        service.checkError = new IllegalStateException("store closed");

        assertThat(get(ops, "/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAreJvmAndServiceMetersInPrometheusTextTaggedWithTheServiceName() throws Exception {
        OperationsServer ops = start(Map.of());
        service.bindMetrics(ops.registry());

        HttpResponse<String> metrics = get(ops, "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("process_uptime_seconds{service=\"galley-fake\"}")
                .contains("jvm_threads_live_threads{service=\"galley-fake\"}")
                .contains("galley_fake_stories_total{service=\"galley-fake\"} 2.0");
    }

    @Test
    void nameParametersNarrowMetricsToTheNamedOnes() throws Exception {
        OperationsServer ops = start(Map.of());
        service.bindMetrics(ops.registry());

        HttpResponse<String> metrics = get(ops, "/metrics?name%5B%5D=jvm_memory_used_bytes&name[]=jvm_threads_live_threads");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes{area=\"heap\"")
                .contains("jvm_threads_live_threads{service=\"galley-fake\"}")
                .doesNotContain("process_uptime_seconds")
                .doesNotContain("galley_fake_stories");
    }

    @Test
    void onlyItsPathsAnswerAndOnlyToReads() throws Exception {
        OperationsServer ops = start(Map.of());
        service.healthy.set(true);

        assertThat(get(ops, "/healthz/live").statusCode()).isEqualTo(200);
        assertThat(get(ops, "/healthz/ready").statusCode()).isEqualTo(200);
        assertThat(get(ops, "/healthz/lively").statusCode()).isEqualTo(404);
        assertThat(get(ops, "/healthz/ready/more").statusCode()).isEqualTo(404);

        assertThat(get(ops, "/").statusCode()).isEqualTo(404);
        assertThat(get(ops, "/healthzz").statusCode()).isEqualTo(404);
        assertThat(get(ops, "/metrics/extra").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri(ops, "/healthz"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void galleyOpsEnabledFalseOpensNothing() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_OPS_ENABLED", "false", "GALLEY_OPS_PORT", "0"));

        assertThat(OperationsServer.startIfEnabled(service, config)).isEmpty();
    }

    @Test
    void aPortOutsideTheRangeNamesTheVariable() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_OPS_PORT", "70000"));

        assertThatThrownBy(() -> OperationsServer.startIfEnabled(service, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GALLEY_OPS_PORT")
                .hasMessageContaining("70000");
    }

    @Test
    void aPortInUseIsAClearErrorNamingTheSetting() {
        OperationsServer first = start(Map.of());
        ServiceConfig same = new ServiceConfig(Map.of("GALLEY_OPS_HOST", "127.0.0.1",
                "GALLEY_OPS_PORT", Integer.toString(first.port())));

        assertThatThrownBy(() -> OperationsServer.startIfEnabled(service, same))
                .hasMessageContaining("127.0.0.1:" + first.port())
                .hasMessageContaining("GALLEY_OPS_PORT");
    }

    @Test
    void theContainerProbePassesWhileTheServiceIsLiveEvenWhenNotReady() {
        OperationsServer ops = start(Map.of());
        ServiceConfig probeConfig = new ServiceConfig(Map.of("GALLEY_OPS_PORT", Integer.toString(ops.port())));

        service.healthy.set(false);
        service.live.set(true);
        assertThat(HealthProbe.check(probeConfig)).isTrue();
        service.live.set(false);
        assertThat(HealthProbe.check(probeConfig)).isFalse();
        ops.close();
        assertThat(HealthProbe.check(probeConfig)).isFalse();
    }

    private OperationsServer start(Map<String, String> settings) {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_OPS_HOST", "127.0.0.1", "GALLEY_OPS_PORT", "0"))
                .with(settings);
        OperationsServer ops = OperationsServer.startIfEnabled(service, config).orElseThrow();
        servers.add(ops);
        return ops;
    }

    private static HttpResponse<String> get(OperationsServer ops, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(ops, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(OperationsServer ops, String path) {
        return URI.create("http://127.0.0.1:" + ops.port() + path);
    }

    /** A service whose health the test sets, with one meter of its own. */
    static final class FakeService implements GalleyService {

        final AtomicBoolean healthy = new AtomicBoolean();
        final AtomicBoolean live = new AtomicBoolean(true);
        volatile RuntimeException checkError;
        private final String name;

        FakeService(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
        }

        @Override
        public boolean isHealthy() {
            if (checkError != null) {
                throw checkError;
            }
            return healthy.get();
        }

        @Override
        public boolean isLive() {
            return live.get();
        }

        @Override
        public void bindMetrics(MeterRegistry registry) {
            Counter.builder("galley.fake.stories").register(registry).increment(2);
        }

        @Override
        public void close() {
        }
    }
}
