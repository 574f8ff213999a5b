package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.runtime.OperationsServer;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's one ops port ({@code ./galley up --ops-port 0}): live and ready for every service it runs,
 * each named, and every service's meters with its own {@code service} tag in one Prometheus scrape.
 */
class StackOperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void oneOpsPortAnswersLiveReadyAndMetricsForEveryServiceTheStackRuns() throws Exception {
        try (LocalStack stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"),
                work.resolve("site"), Map.of())) {
            OperationsServer ops = stack.serveOperations("127.0.0.1", 0);

            HttpResponse<String> ready = get(ops, "/healthz/ready");
            HttpResponse<String> live = get(ops, "/healthz/live");
            HttpResponse<String> metrics = get(ops, "/metrics");

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            JsonNode services = JSON.readTree(ready.body()).get("services");
            assertThat(services.fieldNames()).toIterable().containsExactly("galley-ingest", "galley-enrich", "galley-render", "site");
            services.forEach(state -> assertThat(state.asText()).isEqualTo("UP"));
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            assertThat(get(ops, "/healthz").statusCode()).isEqualTo(200);
            assertThat(metrics.statusCode()).isEqualTo(200);
            for (String stage : new String[] {"galley-ingest", "galley-enrich", "galley-render"}) {
                assertThat(metrics.body()).as("Kafka Streams meters of " + stage)
                        .containsPattern("kafka_stream_[a-z_]+\\{[^}]*service=\"" + stage + "\"");
            }
            assertThat(metrics.body()).contains("jvm_threads_live_threads{service=\"galley\"}");
        }
    }

    @Test
    void theOpsPortCountsWhatThePipelinePublishedAndHowLongItTook() throws Exception {
        SubmissionPlan plan = SubmissionPlan.of(12, new Random(9));
        try (LocalStack stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"),
                work.resolve("site"), Map.of())) {
            OperationsServer ops = stack.serveOperations("127.0.0.1", 0);
            List<Throwable> failures = new ArrayList<>();
            SubmissionPlan.send(stack.bootstrapServers(), stack.registryUrl(), plan, Duration.ZERO, failures);
            assertThat(failures).isEmpty();
            Topics topics = Topics.fromConfig(stack.config());
            assertThat(AuditCommand.settle(stack.bootstrapServers(), topics, Duration.ofSeconds(90)).balanced())
                    .as("every submission has an outcome").isTrue();

            String metrics = get(ops, "/metrics").body();

            assertThat(meter(metrics, "galley_published_total") + meter(metrics, "galley_unpublished_total"))
                    .as("revisions published and taken down").isEqualTo(plan.published());
            assertThat(meter(metrics, "galley_end_to_end_seconds_count")).isEqualTo(plan.published());
            assertThat(meter(metrics, "galley_rejected_total")).isEqualTo(plan.rejected());
        }
    }

    /** The sum of a meter's series in a Prometheus scrape. */
    private static double meter(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static HttpResponse<String> get(OperationsServer ops, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
