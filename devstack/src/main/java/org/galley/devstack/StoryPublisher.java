package org.galley.devstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
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
import org.galley.site.SiteBuilder;

/**
 * Publishes a folder of story files through a running local stack, the way a newsroom tool would, and returns
 * once the site it writes is final. Reads the folder ({@link StoryFolder}); sends the stories oldest
 * publication first to {@code articles.submitted}, files that cannot be read to {@code articles.rejected}
 * ({@link KafkaStorySink}), a number of them in flight at once ({@link InFlightWindow}); follows each story
 * through ingest's status API ({@link IngestStatusClient}), the one status store, and tells a
 * {@link PublishListener} what became of it; then waits until the pipeline is idle ({@link PipelineIdle}).
 * Over a stack that kept an earlier run's data, a story already sent at the same revision is not sent again
 * ({@link ResumingSink}): its status is the one it had, and the report says so.
 *
 * <p>Ingest calls a story published once render has published it, and the site writes its page a moment later.
 * A published story is reported only once its page is in the site's folder, or as failed in the site once the
 * site has logged that it could not apply the story's event; a later revision of it may still
 * be on its way to the site then (its page was there already), which is why the report waits for the site's
 * group to have read {@code articles.published} to the end before it is final.
 *
 * <p>The site comes out the same bytes on every run, however many stories are in flight and however their
 * arrival interleaves: enrich picks related links and the ticker by publication order, re-enriching a story
 * when an earlier-dated one arrives after it, which is why the wait for an idle pipeline comes after the last
 * status. Sending oldest first keeps that rework rare. And each story is stamped as submitted when it was
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
            SiteSkips skips = new SiteSkips(stack.site().folder().resolve(SiteBuilder.REJECTED_LOG));
            entries = new InFlightWindow(sink, articleIds -> asOnTheSite(ingest.statuses(articleIds), skips),
                    stack.siteUrl(), listener, limits, clock, InFlightWindow.POLL).publish(stories);
            notResent = sink.notResent();
        }
        if (entries.stream().anyMatch(entry -> entry.status() == null)) {
            // Some story never came through: the run has failed already, and the pipeline may never go idle.
            return new PublishReport(entries, notResent, false);
        }
        try (PipelineIdle idle = PipelineIdle.forStack(stack)) {
            return new PublishReport(entries, notResent, idle.await(limits.storyTimeout()));
        }
    }

    /**
     * The statuses as the local site bears them out: a story ingest says is published counts once the site has
     * written its page, or as failed in the site once the site has skipped its event ({@link SiteSkips}); until
     * then it has no answer yet.
     */
    private Map<String, StoryStatus> asOnTheSite(Map<String, StoryStatus> statuses, SiteSkips skips) {
        Map<String, StoryStatus> borneOut = new HashMap<>();
        statuses.forEach((articleId, status) -> {
            if (onTheSite(status)) {
                borneOut.put(articleId, status);
            } else {
                skips.of(articleId)
                        .filter(skip -> skip.revision() == null || status.revision() == null
                                || skip.revision() >= status.revision())
                        .ifPresent(skip -> borneOut.put(articleId, new StoryStatus(StoryStatus.Kind.FAILED, articleId,
                                status.revision(), null, "site", List.of("site: " + skip.reason()))));
            }
        });
        return borneOut;
    }

    /** Whether the site has written the page of a story ingest says is published; true of any other status. */
    private boolean onTheSite(StoryStatus status) {
        if (status.kind() != StoryStatus.Kind.PUBLISHED || status.path() == null) {
            return true;
        }
        try {
            return Files.exists(stack.site().folder().resolve(status.path()).resolve("index.html"));
        } catch (IllegalArgumentException e) {
            // A path outside the folder is one the site refuses to write: nothing to wait for.
            return true;
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
