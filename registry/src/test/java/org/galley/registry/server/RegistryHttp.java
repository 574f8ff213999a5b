package org.galley.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A bare HTTP caller for the registry tests: sends JSON, answers status, content type and parsed body. */
final class RegistryHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return RegistryHttp.json(body);
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String path) {
        return send("GET", path, null, V1_JSON);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, V1_JSON);
    }

    Answer post(String path, Object body) {
        return send("POST", path, write(body), V1_JSON);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, write(body), V1_JSON);
    }

    Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A body posting a schema, as Confluent's clients send it. */
    static Map<String, String> schema(String schemaJson) {
        return Map.of("schema", schemaJson);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
