package org.galley.bench.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.galley.events.ArticleSubmitted;

/**
 * Replay throughput: every story of the corpus submitted at once, as a newsroom's backlog or a migration would
 * arrive (Avro to {@code articles.submitted}, keyed by article id, without waiting between sends), into the
 * running stages. Measured from the first send to the last story's first PUBLISH read from
 * {@code articles.published}, and per 1,000 stories in the order they were published, to show whether Galley
 * slows down as the archive grows.
 *
 * @param perSecond           stories per second over the whole replay
 * @param firstThousandPerSec the first 1,000 published, from the first send
 * @param lastThousandPerSec  the last 1,000 published
 * @param perThousandPerSec   each successive 1,000, in publication order
 * @param publishEvents       every PUBLISH read until the pipeline went quiet: more than {@code stories} when
 *                            enrich sent stories again (a later-filed story changed their links) and render
 *                            published them again
 * @param settleSeconds       from the last story's first PUBLISH until {@code articles.published} went quiet
 *                            (the repeats still in flight); null when it did not within ten minutes
 */
record Replay(int stories, double seconds, double perSecond, double firstThousandPerSec, double lastThousandPerSec,
              List<Double> perThousandPerSec, long publishEvents, Double settleSeconds) {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    /** last / first: 1.0 means no slowdown, 0.5 that the last 1,000 went at half the speed of the first. */
    double slowdownRatio() {
        return lastThousandPerSec / firstThousandPerSec;
    }

    static Replay run(GalleyStages galley, List<ArticleSubmitted> stories, PrintStream console) {
        List<String> ids = stories.stream().map(ArticleSubmitted::getArticleId).toList();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long start;
        try (KafkaProducer<String, ArticleSubmitted> producer = galley.newsroomProducer()) {
            start = System.nanoTime();
            for (ArticleSubmitted story : stories) {
                story.setSubmittedAt(Instant.now());
                producer.send(new ProducerRecord<>(galley.submittedTopic(), story.getArticleId(), story), (metadata, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("Submitting the replay failed", failed.get());
        }
        console.printf("  replay: %,d stories submitted in %.1f s%n", stories.size(), (System.nanoTime() - start) / 1e9);
        galley.awaitPublished(ids, "replay, published");
        long[] published = galley.publishedAt(ids);
        long last = 0;
        for (long time : published) {
            last = Math.max(last, time);
        }
        long lastFirstPublish = last;
        console.println("  replay: every story published; waiting for the pipeline to go quiet");
        OptionalLong quiet = galley.awaitQuiet(SETTLE_TIMEOUT);
        Double settleSeconds = quiet.isPresent() ? Math.max(0, quiet.getAsLong() - lastFirstPublish) / 1e9 : null;
        return new Replay(stories.size(), (last - start) / 1e9, Rates.overall(start, published),
                Rates.first(start, published), Rates.last(start, published), Rates.perWindow(start, published),
                galley.publishEvents(), settleSeconds);
    }
}
