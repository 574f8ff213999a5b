package org.galley.bench.pipeline;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.galley.events.ArticleSubmitted;

/**
 * Latency under load: stories submitted at a steady rate (story {@code i} is sent {@code i / rate} seconds after
 * the first, never earlier) into the running stages, each a new article. A story's latency is the wall-clock
 * time from just before its send to its first PUBLISH read from {@code articles.published}, both by this JVM's
 * clock. If the producer could not keep the pace, {@code submittedPerSec} says so.
 *
 * @param submittedPerSec the rate the stories actually went out at
 * @param latencyMs       percentiles of submit-to-published, in milliseconds
 */
record LatencyRun(int stories, int rate, int seconds, double submittedPerSec, Percentiles latencyMs) {

    static LatencyRun run(GalleyStages galley, List<ArticleSubmitted> stories, int rate, int seconds, PrintStream console) {
        List<String> ids = stories.stream().map(ArticleSubmitted::getArticleId).toList();
        long[] sent = new long[stories.size()];
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, ArticleSubmitted> producer = galley.newsroomProducer()) {
            long start = System.nanoTime();
            for (int i = 0; i < sent.length; i++) {
                long due = start + (long) (i * 1e9 / rate);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                ArticleSubmitted story = stories.get(i);
                // Breaking news: published the moment it is submitted (no publication date of its own), as a
                // newsroom publishes under load, not an archive import.
                story.setSubmittedAt(Instant.now());
                story.setPublishedAt(null);
                sent[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(galley.submittedTopic(), story.getArticleId(), story), (metadata, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("Submitting at " + rate + "/s failed", failed.get());
        }
        double submittedPerSec = sent.length < 2 ? rate : Rates.perSecond(sent.length - 1, sent[sent.length - 1] - sent[0]);
        console.printf("  latency: %,d stories submitted at %.1f/s%n", sent.length, submittedPerSec);
        galley.awaitPublished(ids, "latency, published");
        long[] published = galley.publishedAt(ids);
        double[] latencies = new double[sent.length];
        for (int i = 0; i < sent.length; i++) {
            latencies[i] = (published[i] - sent[i]) / 1e6;
        }
        return new LatencyRun(sent.length, rate, seconds, submittedPerSec, Percentiles.of(latencies));
    }
}
