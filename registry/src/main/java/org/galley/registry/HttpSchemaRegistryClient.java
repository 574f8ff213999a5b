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
import org.apache.avro.Schema;

/**
 * Talks Confluent Schema Registry's REST API over HTTP. Given several base URLs it tries them in
 * order, moving on when one cannot be reached or answers with a server error; a client error (404,
 * 409, 422 …) is the registry's answer and becomes a {@link RegistryException} at once. Caches
 * nothing: {@link SchemaRegistryClients} wraps it in a {@link CachingSchemaRegistryClient}.
 */
final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> baseUrls;
    private final HttpClient http;

    HttpSchemaRegistryClient(List<URI> baseUrls) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
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
        RegistryException unreachable = null;
        for (URI base : baseUrls) {
            URI uri = base.resolve(path);
            try {
                HttpResponse<String> response = http.send(request(method, uri, body), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                RegistryException refused = refusal(method, uri, response);
                if (response.statusCode() < 500) {
                    throw refused;
                }
                unreachable = refused;
            } catch (IOException failed) {
                unreachable = new RegistryException("Schema registry at " + base + " failed on " + method + " " + path, failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new RegistryException("Interrupted while calling the schema registry at " + base, interrupted);
            }
        }
        throw unreachable;
    }

    private static HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", CONTENT_TYPE);
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
