package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.avro.Schema;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.CacheInvalidation;
import org.galley.registry.SchemaRegistryClient;
import org.galley.registry.SchemaRegistryClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh stack, before any story went through it, already holds every contract in the registry: each service
 * registered the value schemas of the topics it writes when it started (ingest {@code articles.submitted},
 * {@code articles.accepted}, {@code articles.rejected}; enrich {@code articles.enriched}; render
 * {@code articles.published}; the site {@code cache-invalidations}), each as version 1, the generated class's
 * schema, so a tool producing with auto-registration off has something to produce against.
 */
class ContractsAtStartIT {

    @TempDir
    Path work;

    @Test
    void everyServiceHasRegisteredTheSubjectsItOwnsBeforeAnyStory() {
        try (LocalStack stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"),
                work.resolve("site"), Map.of())) {
            SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.registryUrl());

            Map<String, Schema> owned = Map.of(
                    "articles.submitted-value", ArticleSubmitted.getClassSchema(),
                    "articles.accepted-value", ArticleAccepted.getClassSchema(),
                    "articles.rejected-value", ArticleRejected.getClassSchema(),
                    "articles.enriched-value", ArticleEnriched.getClassSchema(),
                    "articles.published-value", ArticlePublished.getClassSchema(),
                    "cache-invalidations-value", CacheInvalidation.getClassSchema());
            assertThat(registry.subjects()).containsAll(owned.keySet());
            owned.forEach((subject, schema) -> assertThat(registry.latest(subject)).as(subject)
                    .satisfies(latest -> {
                        assertThat(latest.schema()).isEqualTo(schema);
                        assertThat(latest.version()).isEqualTo(1);
                    }));
        }
    }
}
