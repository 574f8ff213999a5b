package org.galley.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import org.galley.runtime.Topics;

/**
 * The subjects whose schemas are contracts with teams outside Galley: newsroom tools write
 * {@code articles.submitted} and read {@code articles.rejected}; platform teams read {@code articles.published} and
 * {@code cache-invalidations}, each deploying on its own schedule and reading the topics from the start. Their
 * registry subjects are held to {@code FULL_TRANSITIVE}: every new version must be read by, and read, every earlier
 * one. The internal topics keep the registry's default ({@code BACKWARD}), enough for stages that upgrade
 * downstream first. docker-compose.yml sets the same rules on Confluent's registry (its {@code schema-rules}
 * service).
 */
final class PublicContracts {

    static final String LEVEL = "FULL_TRANSITIVE";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PublicContracts() {
    }

    static List<String> subjects(Topics topics) {
        return List.of(topics.submitted(), topics.rejected(), topics.published(), topics.cacheInvalidations()).stream()
                .map(topic -> topic.name() + "-value").toList();
    }

    /** Sets {@value #LEVEL} on each public subject, through the registry's REST API (Confluent's or Galley's). */
    static void enforce(String registryUrl, Topics topics) {
        for (String subject : subjects(topics)) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(registryUrl.replaceAll("/+$", "") + "/config/" + subject))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + LEVEL + "\"}"))
                    .build();
            try {
                HttpResponse<String> reply = HTTP.send(put, BodyHandlers.ofString());
                if (reply.statusCode() != 200) {
                    throw new IllegalStateException("The registry refused " + LEVEL + " for " + subject + ": HTTP "
                            + reply.statusCode() + " " + reply.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not set " + LEVEL + " for " + subject + " at " + registryUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while setting the registry's rules", e);
            }
        }
    }
}
