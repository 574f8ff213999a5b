package org.galley.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topics;

/**
 * What a newsroom sends in one run, and what must become of it: new stories, corrections, takedowns (each
 * published), repeats of a revision and submissions without a headline (rejected), and bytes that are no
 * submission at all (failed in ingest).
 */
record SubmissionPlan(List<Submission> submissions, long published, long rejected, long garbage) {

    record Submission(String key, ArticleSubmitted story, byte[] garbage) {
    }

    private static final String[] TOPICS = {"Kafka", "Elections", "Climate", "Markets", "Football", "Health",
            "Courts", "Transport"};

    int size() {
        return submissions.size();
    }

    /**
     * Sends the plan to {@code articles.submitted}, evenly over {@code over}, as a newsroom tool would (idempotent,
     * acks=all, keyed by article id); a send that fails is added to {@code failures}. Sends wait out a broker that is
     * away for a restart.
     */
    static void send(String bootstrapServers, String registryUrl, SubmissionPlan plan, Duration over,
                     List<Throwable> failures) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        Topics topics = Topics.fromConfig(new ServiceConfig(Map.of("SCHEMA_REGISTRY_URL", registryUrl)));
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Submission submission : plan.submissions()) {
                byte[] value = submission.story() == null ? submission.garbage()
                        : topics.submitted().valueSerde().serializer().serialize(Topics.SUBMITTED, submission.story());
                producer.send(new ProducerRecord<>(Topics.SUBMITTED, submission.key().getBytes(StandardCharsets.UTF_8),
                        value), (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    }
                });
                Thread.sleep(over.toMillis() / plan.size());
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    static SubmissionPlan of(int count, Random random) {
        List<Submission> submissions = new ArrayList<>();
        List<ArticleSubmitted> live = new ArrayList<>();
        long published = 0;
        long rejected = 0;
        long garbage = 0;
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            if (roll < 6 && !live.isEmpty()) {
                // A correction: the next revision of a live story.
                ArticleSubmitted last = live.remove(random.nextInt(live.size()));
                ArticleSubmitted correction = revisionOf(last).setRevision(last.getRevision() + 1)
                        .setHeadline(last.getHeadline() + ", corrected").setSubmittedAt(Instant.now()).build();
                live.add(correction);
                submissions.add(new Submission(correction.getArticleId(), correction, null));
                published++;
            } else if (roll < 9 && !live.isEmpty()) {
                // A takedown, after which nothing more is sent for the story.
                ArticleSubmitted last = live.remove(random.nextInt(live.size()));
                ArticleSubmitted takedown = revisionOf(last).setRevision(last.getRevision() + 1)
                        .setAction(Action.UNPUBLISH).setSubmittedAt(Instant.now()).build();
                submissions.add(new Submission(takedown.getArticleId(), takedown, null));
                published++;
            } else if (roll < 12 && !live.isEmpty()) {
                // The same revision again: a newsroom tool retrying.
                ArticleSubmitted again = live.get(random.nextInt(live.size()));
                submissions.add(new Submission(again.getArticleId(), again, null));
                rejected++;
            } else if (roll < 15) {
                ArticleSubmitted headless = story(i, random).setHeadline(" ").build();
                submissions.add(new Submission(headless.getArticleId(), headless, null));
                rejected++;
            } else if (roll < 17) {
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                // Not Confluent's magic byte: garbage must never happen to name a registered schema.
                bytes[0] = 'x';
                submissions.add(new Submission("garbage-" + i, null, bytes));
                garbage++;
            } else {
                ArticleSubmitted story = story(i, random).build();
                live.add(story);
                submissions.add(new Submission(story.getArticleId(), story, null));
                published++;
            }
        }
        return new SubmissionPlan(submissions, published, rejected, garbage);
    }

    /** A builder holding the story as sent (Avro's copying builder refuses enum classes it does not trust). */
    private static ArticleSubmitted.Builder revisionOf(ArticleSubmitted story) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(story.getArticleId()).setRevision(story.getRevision()).setAction(story.getAction())
                .setHeadline(story.getHeadline()).setDek(story.getDek()).setByline(story.getByline())
                .setCategory(story.getCategory()).setBodyMarkdown(story.getBodyMarkdown())
                .setTags(story.getTags()).setPublishedAt(story.getPublishedAt())
                .setSubmittedAt(story.getSubmittedAt()).setSource(story.getSource());
    }

    private static ArticleSubmitted.Builder story(int i, Random random) {
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String other = TOPICS[random.nextInt(TOPICS.length)];
        return ArticleSubmitted.newBuilder()
                .setArticleId(String.format("chaos-%05d", i)).setRevision(1).setAction(Action.PUBLISH)
                .setHeadline(topic + " desk, story " + i + ": what changed today")
                .setDek("The " + topic.toLowerCase() + " desk on what moved, and why it matters.")
                .setByline("Chaos Desk").setCategory(topic)
                .setBodyMarkdown(("Reporting on " + topic + " and " + other + " continued today. ").repeat(20)
                        + "\n\n## What comes next\n\n" + ("The " + other + " desk will follow up. ").repeat(10))
                .setTags(List.of(topic, other))
                .setPublishedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i))
                .setSubmittedAt(Instant.now()).setSource("chaos-it");
    }
}
