package org.galley.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.storyfile.StoryFileParser;
import org.galley.ingest.storyfile.StoryFileResult;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;
import org.galley.site.Outcome;

/**
 * Publishes a folder of story files through a running stack, the way a newsroom tool would: each file becomes
 * an {@code ArticleSubmitted} on {@code articles.submitted}. A file that cannot even be read goes straight to
 * {@code articles.rejected} with its reasons, so it is listed like any other rejection.
 *
 * <p>Stories go out one at a time, oldest publication date first, each waiting for its outcome: related
 * links and the ticker then come out the same on every run, as if editors had published them in that order.
 */
final class StoryPublisher {

    private static final String SOURCE = "galley-cli";

    private final LocalStack stack;
    private final PrintStream console;
    private final Duration perStoryTimeout;
    private final Topics topics;
    private final Clock clock = Clock.systemUTC();

    StoryPublisher(LocalStack stack, PrintStream console, Duration perStoryTimeout) {
        this.stack = stack;
        this.console = console;
        this.perStoryTimeout = perStoryTimeout;
        this.topics = Topics.fromConfig(stack.config());
    }

    PublishReport publishFolder(Path folder) {
        List<StoryFile> stories = readStories(folder);
        console.println("Publishing " + stories.size() + " stories from " + folder);
        List<PublishReport.Entry> entries = new ArrayList<>();
        try (KafkaProducer<String, ArticleSubmitted> submissions = producer(topics.submitted());
             KafkaProducer<String, ArticleRejected> rejections = producer(topics.rejected())) {
            for (StoryFile story : stories) {
                PublishReport.Entry entry = story.result() instanceof StoryFileResult.Parsed parsed
                        ? submit(parsed, submissions, rejections)
                        : reject((StoryFileResult.Failed) story.result(), story.content(), rejections);
                entries.add(entry);
                console.println(describe(entry));
            }
        }
        return new PublishReport(entries);
    }

    private PublishReport.Entry submit(StoryFileResult.Parsed story, KafkaProducer<String, ArticleSubmitted> producer,
                                       KafkaProducer<String, ArticleRejected> rejections) {
        story.warnings().forEach(warning -> console.println("  warning: " + warning));
        ArticleSubmitted submission = story.submission();
        try {
            send(producer, new ProducerRecord<>(topics.submitted().name(), submission.getArticleId(), submission));
        } catch (RecordTooLargeException e) {
            // Too big even for Kafka: ingest never sees it, so it is rejected here, with the same reason code.
            RejectionReason reason = new RejectionReason("payload", "too-large", "The story is larger than the "
                    + stack.config().maxMessageBytes() + " bytes Galley's topics take.");
            StoryFileResult.Failed failed = new StoryFileResult.Failed(story.fileName(), List.of(reason));
            return reject(failed, null, rejections);
        }
        Outcome outcome = awaitOutcome(submission.getArticleId(), submission.getRevision()).orElse(null);
        String url = outcome != null && outcome.kind() == Outcome.Kind.PUBLISHED
                ? stack.siteUrl() + outcome.path().substring(1) : null;
        return new PublishReport.Entry(story.fileName(), submission.getArticleId(), outcome, url);
    }

    private PublishReport.Entry reject(StoryFileResult.Failed story, byte[] content,
                                       KafkaProducer<String, ArticleRejected> producer) {
        String articleId = StoryFileParser.idFromFileName(story.fileName());
        ArticleRejected rejection = story.toRejection(articleId, SOURCE, content, clock.instant());
        send(producer, new ProducerRecord<>(topics.rejected().name(), articleId, rejection));
        Outcome outcome = awaitOutcome(articleId, null).orElse(null);
        return new PublishReport.Entry(story.fileName(), articleId, outcome, null);
    }

    /** Waits until the site has acted on this revision of the story (or on a rejection of it). */
    private Optional<Outcome> awaitOutcome(String articleId, Long revision) {
        Instant deadline = clock.instant().plus(perStoryTimeout);
        while (clock.instant().isBefore(deadline)) {
            Optional<Outcome> outcome = stack.site().outcome(articleId)
                    .filter(o -> revision == null || revision.equals(o.revision()) || o.kind() == Outcome.Kind.REJECTED);
            if (outcome.isPresent()) {
                return outcome;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A story file's bytes and what the parser made of them. */
    private record StoryFile(byte[] content, StoryFileResult result) {
    }

    private List<StoryFile> readStories(Path folder) {
        StoryFileParser parser = new StoryFileParser(SiteSettings.fromConfig(stack.config()).baseUrl(), SOURCE, clock);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file))
                    .sorted()
                    .map(file -> {
                        byte[] content = readBytes(file);
                        return new StoryFile(content, parser.parse(file.getFileName().toString(), content));
                    })
                    .sorted(Comparator.comparing(story -> publicationTime(story.result())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** Oldest first; files that cannot be read sort last, so good stories are not held up by them. */
    private static Instant publicationTime(StoryFileResult story) {
        if (story instanceof StoryFileResult.Parsed parsed) {
            Instant published = parsed.submission().getPublishedAt();
            return published != null ? published : parsed.submission().getSubmittedAt();
        }
        return Instant.MAX;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private String describe(PublishReport.Entry entry) {
        if (entry.outcome() == null) {
            return "  ?  " + entry.fileName() + ": no answer within " + perStoryTimeout.toSeconds() + " s";
        }
        return switch (entry.outcome().kind()) {
            case PUBLISHED -> String.format("  ✓  published    %-36s %s", entry.fileName(), entry.siteUrl());
            case UNPUBLISHED -> String.format("  -  unpublished  %s", entry.fileName());
            case REJECTED -> String.format("  ✗  rejected     %-36s %s", entry.fileName(),
                    String.join("; ", entry.outcome().reasons()));
        };
    }

    private <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
        return new KafkaProducer<>(stack.config().producerProperties("galley-up-" + topic.name()),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new IllegalStateException("Kafka refused " + record.key() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + record.key(), e);
        }
    }
}
