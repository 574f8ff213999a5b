package org.galley.devstack;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.storyfile.StoryFileResult;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;

/**
 * Sends story files the way a newsroom tool would, without waiting for Kafka: a story becomes an
 * {@code ArticleSubmitted} on {@code articles.submitted}; a file that cannot even be read, or a story too large
 * for Kafka (which ingest would never see), goes straight to {@code articles.rejected} (String articleId,
 * ArticleRejected) with its reasons, so it is listed like any other rejection.
 */
final class KafkaStorySink implements StorySink, AutoCloseable {

    private final String source;
    private final int maxMessageBytes;
    private final Topics topics;
    private final Clock clock;
    private final KafkaProducer<String, ArticleSubmitted> submissions;
    private final KafkaProducer<String, ArticleRejected> rejections;

    KafkaStorySink(ServiceConfig config, String source, Clock clock) {
        this.source = source;
        this.maxMessageBytes = config.maxMessageBytes();
        this.topics = Topics.fromConfig(config);
        this.clock = clock;
        this.submissions = producer(config, topics.submitted());
        this.rejections = producer(config, topics.rejected());
    }

    @Override
    public void send(StoryFile story, Sent sent) {
        if (story.result() instanceof StoryFileResult.Parsed parsed) {
            ArticleSubmitted submission = parsed.submission();
            submissions.send(new ProducerRecord<>(topics.submitted().name(), submission.getArticleId(), submission),
                    (metadata, failure) -> sent.completed(failure));
        } else {
            reject(story, (StoryFileResult.Failed) story.result(), story.content(), sent);
        }
    }

    @Override
    public void rejectAsTooLarge(StoryFile story, Sent sent) {
        // The same reason code ingest gives a story too large for its HTTP API.
        RejectionReason reason = new RejectionReason("payload", "too-large",
                "The story is larger than the " + maxMessageBytes + " bytes Galley's topics take.");
        reject(story, new StoryFileResult.Failed(story.fileName(), List.of(reason)), null, sent);
    }

    private void reject(StoryFile story, StoryFileResult.Failed failed, byte[] content, Sent sent) {
        ArticleRejected rejection = failed.toRejection(story.articleId(), source, content, clock.instant());
        rejections.send(new ProducerRecord<>(topics.rejected().name(), story.articleId(), rejection),
                (metadata, failure) -> sent.completed(failure));
    }

    @Override
    public void close() {
        submissions.close();
        rejections.close();
    }

    private static <V> KafkaProducer<String, V> producer(ServiceConfig config, Topic<String, V> topic) {
        return new KafkaProducer<>(config.producerProperties("galley-up-" + topic.name()),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
