package org.galley.devstack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Sends story files to a {@link StorySink} in the order given without waiting for each: at most
 * {@link Limits#inFlight()} are sent and not yet resolved. A story is resolved when its status (ingest's, see
 * {@link StoryStatus#answering}) is final for the revision sent or a later one (published, unpublished, rejected,
 * failed in a later stage) or says that revision was refused, or when {@link Limits#storyTimeout()} has passed
 * since it was sent; each goes to the {@link PublishListener} as it is resolved. A story Kafka refuses as too large is rejected
 * instead; any other refusal stops the run.
 *
 * <p>Kafka acknowledges sends on its own thread, which only queues refusals; everything else happens on the
 * caller's thread, which once per {@link Pause} asks for the statuses of all the pending stories that are due
 * ({@link #ASK_EVERY} after they were last asked about) together, in one call. With an in-flight limit of 1 each
 * story is sent only once the one before it is resolved. Two files naming the same story (two
 * revisions of it) are never in flight together, so the later one is sent only once the earlier is resolved.
 */
final class InFlightWindow {

    /** How many stories may be unresolved at once, and how long each may take from being sent. */
    record Limits(int inFlight, Duration storyTimeout) {
        Limits {
            if (inFlight < 1) {
                throw new IllegalArgumentException("At least one story must be allowed in flight, was " + inFlight);
            }
        }
    }

    /** What the window does between looks at the statuses: sleeps, or in tests moves a fake pipeline on. */
    @FunctionalInterface
    interface Pause {
        void await() throws InterruptedException;
    }

    /** How long the window waits between looks: often enough to keep each wait short, no more. */
    static final Pause POLL = () -> Thread.sleep(100);

    private final StorySink sink;
    private final Function<Collection<String>, Map<String, StoryStatus>> statuses;
    private final String siteUrl;
    private final PublishListener listener;
    private final Limits limits;
    private final Clock clock;
    private final Pause pause;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
    private final List<PublishReport.Entry> entries = new ArrayList<>();

    /**
     * @param statuses the statuses (ingest's) of the stories with the article ids given, asked together, by article
     *                 id; a story ingest has no status for (yet) is left out
     * @param siteUrl  the site's root URL, for the published stories' addresses
     */
    InFlightWindow(StorySink sink, Function<Collection<String>, Map<String, StoryStatus>> statuses, String siteUrl,
                   PublishListener listener, Limits limits, Clock clock, Pause pause) {
        this.sink = sink;
        this.statuses = statuses;
        this.siteUrl = siteUrl;
        this.listener = listener;
        this.limits = limits;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * A story sent and not yet resolved, about which ingest is next asked at {@code askAt}; {@code revision} null
     * once only a rejection can answer it.
     */
    private record Pending(StoryFile story, Long revision, Instant sentAt, Instant askAt) {

        Pending(StoryFile story, Long revision, Instant sentAt) {
            this(story, revision, sentAt, sentAt);
        }

        Pending askedAt(Instant now) {
            return new Pending(story, revision, sentAt, now.plus(ASK_EVERY));
        }
    }

    /**
     * How often ingest is asked about one story that has no answer yet (asking at every look made a 2,000-story run
     * take 98 s against 94 s). All the stories due at a look are asked about in one request
     * ({@code POST /v1/statuses}): one request per story had cost that run about 28 of its 175 CPU-seconds, mostly
     * per-request HTTP overhead in ingest and in this CLI.
     */
    static final Duration ASK_EVERY = Duration.ofMillis(500);

    /** A send Kafka refused; {@code rejection} when what was refused was already a rejection. */
    private record Refused(StoryFile story, Exception failure, boolean rejection) {
    }

    /** Sends every story and returns their entries in the order they were resolved. */
    List<PublishReport.Entry> publish(List<StoryFile> stories) throws InterruptedException {
        listener.started(stories.size());
        try {
            Deque<StoryFile> unsent = new ArrayDeque<>(stories);
            while (!unsent.isEmpty() || !pending.isEmpty()) {
                handleRefusals();
                resolveAnswered();
                sendWhileThereIsRoom(unsent);
                if (!pending.isEmpty()) {
                    pause.await();
                }
            }
        } finally {
            listener.finished();
        }
        return List.copyOf(entries);
    }

    private void sendWhileThereIsRoom(Deque<StoryFile> unsent) {
        while (!unsent.isEmpty() && pending.size() < limits.inFlight()
                && !pending.containsKey(unsent.peek().articleId())) {
            StoryFile story = unsent.poll();
            pending.put(story.articleId(), new Pending(story, story.revision(), clock.instant()));
            sink.send(story, failure -> refuse(story, failure, story.revision() == null));
        }
    }

    private void refuse(StoryFile story, Exception failure, boolean rejection) {
        if (failure != null) {
            refused.add(new Refused(story, failure, rejection));
        }
    }

    private void handleRefusals() {
        for (Refused refusal = refused.poll(); refusal != null; refusal = refused.poll()) {
            StoryFile story = refusal.story();
            if (!(refusal.failure() instanceof RecordTooLargeException) || refusal.rejection()) {
                throw new IllegalStateException("Kafka refused " + story.fileName() + ": "
                        + refusal.failure().getMessage(), refusal.failure());
            }
            Pending waiting = pending.get(story.articleId());
            if (waiting != null) {
                // Ingest never sees it, so the rejection is ours, and only a rejection can answer it now.
                pending.put(story.articleId(), new Pending(story, null, waiting.sentAt()));
                sink.rejectAsTooLarge(story, failure -> refuse(story, failure, true));
            }
        }
    }

    private void resolveAnswered() {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        for (Pending waiting : pending.values()) {
            if (!now.isBefore(waiting.askAt()) || timedOut(waiting, now)) {
                due.add(waiting.story().articleId());
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Map<String, StoryStatus> answered = statuses.apply(due);
        for (String articleId : due) {
            Pending waiting = pending.get(articleId);
            Optional<StoryStatus> status = Optional.ofNullable(answered.get(articleId))
                    .flatMap(found -> found.answering(waiting.revision(), waiting.story().isPreview()));
            if (status.isPresent() || timedOut(waiting, now)) {
                pending.remove(articleId);
                resolve(waiting.story(), status.orElse(null));
            } else {
                pending.put(articleId, waiting.askedAt(now));
            }
        }
    }

    private boolean timedOut(Pending waiting, Instant now) {
        return !now.isBefore(waiting.sentAt().plus(limits.storyTimeout()));
    }

    private void resolve(StoryFile story, StoryStatus status) {
        String url = status != null && status.kind() == StoryStatus.Kind.PUBLISHED && status.path() != null
                ? siteUrl + status.path().substring(1)
                : status != null && status.preview() != null && status.kind() == StoryStatus.Kind.PREVIEWED
                ? status.preview().url() : null;
        PublishReport.Entry entry = new PublishReport.Entry(story.fileName(), story.articleId(), status, url);
        entries.add(entry);
        listener.resolved(entry);
    }
}
