package org.galley.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.galley.ingest.storyfile.StoryFileParser;
import org.galley.ingest.storyfile.StoryFileResult;
import org.galley.runtime.SiteSettings;
import org.galley.runtime.Topics;

/**
 * Publishes a folder of story files through a running local stack, the way a newsroom tool would, and returns
 * once the site it writes is final. Reads the folder ({@link StoryFolder}); sends the stories oldest
 * publication first to {@code articles.submitted}, files that cannot be read to {@code articles.rejected}
 * ({@link KafkaStorySink}), a number of them in flight at once ({@link InFlightWindow}); tells a
 * {@link PublishListener} each story's outcome as the site reports it; then waits until the pipeline is idle
 * ({@link PipelineIdle}). Over a stack that kept an earlier run's data, a story already sent at the same revision
 * is not sent again ({@link ResumingSink}): its outcome is the one it had, and the report says so.
 *
 * <p>The site comes out the same bytes on every run, however many stories are in flight and however their
 * arrival interleaves: enrich picks related links and the ticker by publication order, re-enriching a story
 * when an earlier-dated one arrives after it, which is why the wait for an idle pipeline comes after the last
 * outcome. Sending oldest first keeps that rework rare. And each story is stamped as submitted when it was
 * published, when its file says so, rather than when this run read it: pages show that time as the story's
 * last update.
 */
final class StoryPublisher {

    private static final String SOURCE = "galley-cli";

    private final LocalStack stack;
    private final PrintStream console;
    private final PublishListener listener;
    private final InFlightWindow.Limits limits;
    private final Comparator<StoryFile> order;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param order the order stories are sent in: {@link StoryFolder#OLDEST_FIRST}, or another to test that the
     *              site does not depend on it
     */
    StoryPublisher(LocalStack stack, PrintStream console, PublishListener listener, InFlightWindow.Limits limits,
                   Comparator<StoryFile> order) {
        this.stack = stack;
        this.console = console;
        this.listener = listener;
        this.limits = limits;
        this.order = order;
    }

    PublishReport publishFolder(Path folder) throws InterruptedException {
        StoryFileParser parser = new StoryFileParser(SiteSettings.fromConfig(stack.config()).baseUrl(), SOURCE, clock);
        List<StoryFile> stories = new StoryFolder(parser).read(folder).stream().sorted(order).toList();
        console.println("Publishing " + stories.size() + " stories from " + folder
                + " (up to " + limits.inFlight() + " in flight)");
        for (StoryFile story : stories) {
            if (story.result() instanceof StoryFileResult.Parsed parsed) {
                parsed.warnings().forEach(warning -> console.println("  warning: " + warning));
            }
        }
        List<PublishReport.Entry> entries;
        Set<String> notResent;
        try (KafkaStorySink kafka = new KafkaStorySink(stack.config(), SOURCE, clock)) {
            IngestStatusClient ingest = new IngestStatusClient(stack.ingestUrl(), stack.config().find("GALLEY_INGEST_TOKEN"));
            // On a stack that never had a story ingest knows none, and asking it about each would only cost time.
            ResumingSink sink = new ResumingSink(kafka,
                    anyStorySubmittedBefore() ? ingest::acceptedRevision : articleId -> Optional.empty());
            entries = new InFlightWindow(sink, stack.site()::outcome, stack.siteUrl(), listener, limits, clock,
                    InFlightWindow.POLL).publish(stories);
            notResent = sink.notResent();
        }
        if (entries.stream().anyMatch(entry -> entry.outcome() == null)) {
            // Some story never came through: the run has failed already, and the pipeline may never go idle.
            return new PublishReport(entries, notResent, false);
        }
        try (PipelineIdle idle = PipelineIdle.forStack(stack)) {
            return new PublishReport(entries, notResent, idle.await(limits.storyTimeout()));
        }
    }

    /** Whether {@code articles.submitted} holds anything yet: only on a stack that kept an earlier run's data. */
    private boolean anyStorySubmittedBefore() throws InterruptedException {
        String topic = Topics.fromConfig(stack.config()).submitted().name();
        try (Admin admin = Admin.create(stack.config().kafkaProperties())) {
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream().anyMatch(end -> end.offset() > 0);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the end of " + topic + ": " + e.getCause().getMessage(), e);
        }
    }
}
