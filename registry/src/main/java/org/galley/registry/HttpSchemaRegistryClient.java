package org.galley.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks Confluent Schema Registry's REST API over HTTP. Given several base URLs it tries them in
 * order, moving on when one cannot be reached or answers with a transient error. A failure is one of two
 * kinds ({@link FailureKind}): the registry's answer about the schema or id (404, 409, 422 …) becomes a
 * {@link RegistryException} at once; no connection, a timeout, 5xx, 408 or 429 from every URL is retried
 * with backoff and jitter for the {@link RetryPolicy}'s budget, then becomes a
 * {@link RegistryUnavailableException} (a Kafka {@code RetriableException}). Refused credentials (401, 403)
 * become a {@link RegistryUnavailableException} at once. Sends the configured Authorization header and uses
 * the configured TLS context. Caches nothing: {@link SchemaRegistryClients} wraps it in a
 * {@link CachingSchemaRegistryClient}.
 */
final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<RegistryClientConfig.Endpoint> endpoints;
    private final RetryPolicy retry;
    private final HttpClient http;

    HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.endpoints = config.endpoints();
        this.retry = config.retry();
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT);
        if (config.ssl() != null) {
            http.sslContext(config.ssl());
        }
        this.http = http.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return call("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        return parse(call("GET", "schemas/ids/" + id, null).get("schema").asText());
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "subjects", null).forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(call("GET", "subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return call("POST", "subjects/" + encode(subject), schemaBody(schema)).get("id").asInt();
    }

    private JsonNode call(String method, String path, String body) {
        // the budget starts at the first failure, so a call that fails at all is always tried again
        long deadline = 0;
        for (int attempt = 1; ; attempt++) {
            Duration timeout = attempt == 1 ? clamp(retry.timeout()) : clamp(Duration.ofNanos(deadline - System.nanoTime()));
            RuntimeException transientFailure = null;
            for (RegistryClientConfig.Endpoint endpoint : endpoints) {
                URI uri = endpoint.base().resolve(path);
                try {
                    HttpResponse<String> response = http.send(request(method, uri, body, endpoint.authorization(), timeout),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 == 2) {
                        return JSON.readTree(response.body());
                    }
                    RegistryException refused = refusal(method, uri, response);
                    if (FailureKind.ofStatus(response.statusCode()) == FailureKind.POISON) {
                        throw refused;
                    }
                    if (!FailureKind.worthRetryingSoon(response.statusCode())) {
                        throw new RegistryUnavailableException("The schema registry refused Galley's credentials ("
                                + response.statusCode() + "): check its basic.auth or bearer.auth settings", refused);
                    }
                    transientFailure = refused;
                } catch (IOException failed) {
                    transientFailure = new RegistryException("Schema registry at " + endpoint.base() + " failed on "
                            + method + " " + path + ": " + failed, failed);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RegistryUnavailableException("Interrupted while calling the schema registry at "
                            + endpoint.base(), interrupted);
                }
            }
            if (attempt == 1) {
                deadline = System.nanoTime() + retry.timeout().toNanos();
                LOG.warn("Schema registry unavailable on {} {}, retrying for up to {} ms: {}", method, path,
                        retry.timeout().toMillis(), transientFailure.getMessage());
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new RegistryUnavailableException("The schema registry did not answer " + method + " " + path
                        + " within " + retry.timeout().toMillis() + " ms (" + attempt + " tries); last: "
                        + transientFailure.getMessage(), transientFailure);
            }
            pause(Math.min(retry.wait(attempt, ThreadLocalRandom.current().nextDouble()).toNanos(), remaining), transientFailure);
        }
    }

    private static void pause(long nanos, RuntimeException transientFailure) {
        try {
            Thread.sleep(Duration.ofNanos(nanos).toMillis(), (int) (nanos % 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            RegistryUnavailableException unavailable = new RegistryUnavailableException(
                    "Interrupted while waiting to retry the schema registry", interrupted);
            unavailable.addSuppressed(transientFailure);
            throw unavailable;
        }
    }

    /**
     * A request's timeout: what is left of the budget, kept between 5 s (so a last try, TLS handshake
     * included, can still succeed) and 30 s.
     */
    private static Duration clamp(Duration remaining) {
        if (remaining.compareTo(MIN_REQUEST_TIMEOUT) < 0) {
            return MIN_REQUEST_TIMEOUT;
        }
        return remaining.compareTo(MAX_REQUEST_TIMEOUT) > 0 ? MAX_REQUEST_TIMEOUT : remaining;
    }

    private static HttpRequest request(String method, URI uri, String body, String authorization, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", CONTENT_TYPE);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The registry's error answer as an exception, with Confluent's error_code when the body has one. */
    private static RegistryException refusal(String method, URI uri, HttpResponse<String> response) {
        int errorCode = RegistryException.UNKNOWN;
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            if (error != null && error.has("error_code")) {
                errorCode = error.get("error_code").asInt();
                message = error.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new RegistryException(response.statusCode(), errorCode,
                method + " " + uri + " answered " + response.statusCode() + ": " + message);
    }

    private static RegisteredSchema registered(JsonNode version) {
        return new RegisteredSchema(version.get("subject").asText(), version.get("id").asInt(),
                version.get("version").asInt(), parse(version.get("schema").asText()));
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
