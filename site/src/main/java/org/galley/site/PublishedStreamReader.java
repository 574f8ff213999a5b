package org.galley.site;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleRejected;
import org.galley.events.CacheInvalidation;
import org.galley.runtime.GalleyService;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.metrics.SiteLag;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.StoryLog;
import org.galley.runtime.trace.TraceParent;
import org.galley.site.invalidation.Invalidation;
import org.galley.site.invalidation.InvalidationPaths;
import org.galley.site.invalidation.InvalidationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link SiteBuilder} from Kafka and announces what changed. Reads {@code articles.published}
 * (String articleId, ArticlePublished), {@code articles.rejected} (String articleId, ArticleRejected) and
 * {@code articles.previews} (String path, String HTML: {@link SiteBuilder#preview}), committed transactions only;
 * writes {@code cache-invalidations} (String articleId, CacheInvalidation)
 * through an {@link InvalidationSink}. Each event is applied with its story in the logging MDC, and its
 * invalidation is announced in the event's trace ({@code traceparent}). A preview page is written as it is read
 * and nothing else follows from it: no flush, no invalidation, no log line; one whose path is not a preview's
 * ({@code /preview/<token>/}) is logged and skipped.
 *
 * <p>The site is a view of the topics, so on every start it replays them from the beginning into the folder
 * rather than trusting what a previous run left there.
 *
 * <p>Each event's story page is written as it is applied. Listings, feeds and sitemaps are written by
 * {@link SiteBuilder#flush()}, every event since the last flush in one write: at most once per flush interval
 * (longer after a slow flush while events keep coming, see {@link #FLUSH_GAP_PER_FLUSH_TIME} and {@link #QUIET}),
 * and once more when the reader is closed, so a stopped site leaves listings that match its pages. A story that
 * arrives after a quiet interval is written by the poll that read it; one that arrives within the interval
 * after a flush waits for the rest of it (the poll times out then, so it never waits longer). So a replay of
 * thousands of stories writes each listing once a second, not once per poll; the pipeline upstream commits
 * every few milliseconds, so a reader that flushed whenever it had caught up flushed many times a second and
 * spent most of its time rewriting the same feeds.
 *
 * <p>Invalidations are at-least-once, and that is the right guarantee for them: a purge repeated is harmless
 * (the CDN fetches the same file again), a purge lost leaves readers a stale page until the CDN's TTL runs
 * out. An event's invalidation is sent only after the flush that wrote its listings, so a purger never purges
 * ahead of the new content and caches the old one again. After the sink has them, the reader commits, for its
 * consumer group, the position on {@code articles.published} that flush had reached (offsets only: it assigns
 * partitions itself), never the position of events applied but not yet flushed.
 *
 * <p>The replay at start-up does not announce the history it rebuilds: those changes were purged when they
 * happened. It announces events from the position it last committed, or, the first time, from the end offsets
 * it saw at start, that is only events that arrive after it. So a story published while the site was down is
 * still purged once it comes back, and a purge a crash lost is sent again.
 *
 * <p>One event never stops the site. An event that cannot be read for good (malformed bytes, an unknown schema)
 * or that the site cannot apply (a path that is not a story page, a page that cannot be written) is recorded
 * with its reason ({@link SiteBuilder#failed}) and skipped; a story whose listings or feeds cannot be written is
 * taken out by the flush ({@link SiteBuilder#flush()}). An event that cannot be read <em>yet</em> (a
 * {@link org.apache.kafka.common.errors.RetriableException} in the cause chain: the registry is down) is never
 * skipped: the reader seeks back to it, pauses ({@link ReadRetry#delay}: 1 s growing to 30 s) and reads it
 * again, and writes no listing or feed meanwhile, so no page shows the site without it and with what came after.
 *
 * <p>Health. Ready ({@link #isHealthy()}) once it has caught up: read its three topics up to the end offsets seen at
 * start and written what it read; only then does the rebuild prune the stale files it owns that it did not
 * write ({@link SiteBuilder#prune()}). Live ({@link #isLive()}) while its loop keeps turning: the loop turns at
 * least every poll (200 ms), with work or without and while it waits for a record it cannot read yet, so a loop
 * that has not turned for {@link #STALL_LIMIT} is stuck in one call (a disk or a broker call that never
 * returns) and only a restart helps. A reader whose thread has stopped on an error has
 * {@linkplain #failure() failed for good}.
 */
public final class PublishedStreamReader implements GalleyService {

    private static final Logger log = LoggerFactory.getLogger(PublishedStreamReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** How long the reader's loop may go without turning before it counts as wedged. */
    static final Duration STALL_LIMIT = Duration.ofMinutes(5);

    /**
     * After a flush, the next waits at least this many times as long as it took: during a replay every flush
     * rewrites the feeds and first pages of dozens of listings, and flushing once a second then took most of the
     * reader's time (feeds were 43% of it in a 2,000-story profile), on cores the stages upstream need. So the
     * reader spends at most a fifth of its time flushing; a quick flush (a story at a time) keeps the interval.
     */
    static final int FLUSH_GAP_PER_FLUSH_TIME = 4;

    /**
     * After a slow flush, what is waiting is written once the interval has passed and no poll has read anything
     * for this long: the replay upstream has ended (its stages commit every few ms while it lasts), so the site
     * need not wait out the rest of the longer gap with its last stories unlisted.
     */
    static final Duration QUIET = Duration.ofMillis(300);

    private final Topics topics;
    private final SiteBuilder builder;
    private final InvalidationSink invalidations;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final long flushIntervalNanos;
    private final LongSupplier nanoTime;
    private final RecordDecoder decoder;
    private final AtomicBoolean running = new AtomicBoolean();
    private final GalleyMetrics metrics = new GalleyMetrics();
    private final SiteLag lag = new SiteLag(Clock.systemUTC());
    private final List<Invalidation> unflushed = new ArrayList<>();
    private final List<Invalidation> unsent = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> flushedPositions = new HashMap<>();
    private final Map<TopicPartition, Long> announceFrom = new HashMap<>();
    private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
    private volatile boolean caughtUp;
    private volatile long lastTurn;
    private volatile String failure;
    private boolean appliedSinceFlush;
    private long lastFlush;
    private long flushGapNanos;
    private long lastRead;
    private int readAttempts;
    private long readAgainAt;
    private boolean waitingToRead;
    private int flushFailures;
    private long flushAgainAt;
    private volatile boolean assigned;
    private Consumer<byte[], byte[]> consumer;
    private volatile Thread thread;

    /**
     * @param consumers     makes the consumer when the reader starts (it must not commit offsets by itself; its
     *                      group id, if any, keeps the position invalidations were announced up to)
     * @param flushInterval the least time between two flushes ({@link Duration#ZERO}: after every poll that
     *                      applied something)
     * @param nanoTime      a monotonic clock in nanoseconds ({@code System::nanoTime}) that measures it
     */
    public PublishedStreamReader(Topics topics, SiteBuilder builder, InvalidationSink invalidations,
                                 Supplier<Consumer<byte[], byte[]>> consumers, Duration flushInterval,
                                 LongSupplier nanoTime) {
        this(topics, builder, invalidations, consumers, flushInterval, nanoTime, record -> {
            if (record.topic().equals(topics.published().name())) {
                return topics.published().valueSerde().deserializer().deserialize(record.topic(), record.value());
            }
            return topics.rejected().valueSerde().deserializer().deserialize(record.topic(), record.value());
        });
    }

    /** Turns a record's bytes into its event (null for a tombstone): the topics' serdes, or a test's. */
    interface RecordDecoder {
        SpecificRecord decode(ConsumerRecord<byte[], byte[]> record);
    }

    PublishedStreamReader(Topics topics, SiteBuilder builder, InvalidationSink invalidations,
                          Supplier<Consumer<byte[], byte[]>> consumers, Duration flushInterval,
                          LongSupplier nanoTime, RecordDecoder decoder) {
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("The flush interval cannot be negative, was " + flushInterval);
        }
        this.topics = topics;
        this.builder = builder;
        this.invalidations = invalidations;
        this.consumers = consumers;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.flushGapNanos = flushIntervalNanos;
        this.nanoTime = nanoTime;
        this.decoder = decoder;
    }

    @Override
    public String name() {
        return "site-reader";
    }

    @Override
    public synchronized void start() {
        consumer = consumers.get();
        failure = null;
        lastTurn = nanoTime.getAsLong();
        running.set(true);
        thread = new Thread(this::run, "galley-site-reader");
        thread.start();
    }

    private void run() {
        try {
            open();
            assigned = true;
            while (running.get()) {
                lastTurn = nanoTime.getAsLong();
                Duration pause = untilReadAgain();
                if (pause.isZero()) {
                    step(nextPoll());
                } else {
                    Thread.sleep(Math.max(1, Math.min(pause.toMillis(), POLL.toMillis())));
                }
            }
            finish();
        } catch (WakeupException e) {
            if (running.get()) {
                log.error("The site reader was woken up while running", e);
                failure = "the site reader was woken up while running";
            } else {
                finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The site reader stopped; the site has failed for good and must be restarted", e);
            failure = "the site reader stopped: " + e;
        } finally {
            assigned = false;
            consumer.close();
        }
    }

    /**
     * Assigns every partition from the beginning, notes where announcing starts, and empties the site (what a
     * previous run wrote stays served until the first flush replaces it).
     */
    void open() {
        if (consumer == null) {
            consumer = consumers.get();
        }
        List<TopicPartition> published = partitionsOf(topics.published());
        List<TopicPartition> all = new ArrayList<>(published);
        all.addAll(partitionsOf(topics.rejected()));
        all.addAll(partitionsOf(topics.previews()));
        consumer.assign(all);
        consumer.seekToBeginning(all);
        Map<TopicPartition, Long> ends = consumer.endOffsets(all);
        catchUpTo.clear();
        all.forEach(partition -> catchUpTo.put(partition, ends.getOrDefault(partition, 0L)));
        caughtUp = false;
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(published));
        announceFrom.clear();
        for (TopicPartition partition : published) {
            long end = ends.getOrDefault(partition, 0L);
            OffsetAndMetadata last = committed == null ? null : committed.get(partition);
            announceFrom.put(partition, last == null ? end : Math.min(last.offset(), end));
        }
        log.info("Rebuilding the site from the beginning; announcing cache invalidations from {}", announceFrom);
        builder.reset();
        unflushed.clear();
        unsent.clear();
        flushedPositions.clear();
        appliedSinceFlush = true;
        lastFlush = nanoTime.getAsLong();
        lastRead = lastFlush;
        flushGapNanos = flushIntervalNanos;
        waitingToRead = false;
        readAttempts = 0;
        flushFailures = 0;
    }

    /** How long until a record that could not be read yet is read again; zero when none is waiting. */
    Duration untilReadAgain() {
        if (!waitingToRead) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, readAgainAt - nanoTime.getAsLong()));
    }

    /** How long the next poll may wait: no later than the moment what is waiting is due to be written. */
    Duration nextPoll() {
        if (!appliedSinceFlush) {
            return POLL;
        }
        long now = nanoTime.getAsLong();
        long untilDue = Math.max(Math.min(flushGapNanos - (now - lastFlush),
                        Math.max(flushIntervalNanos - (now - lastFlush), QUIET.toNanos() - (now - lastRead))),
                flushFailures > 0 ? flushAgainAt - now : 0);
        return Duration.ofNanos(Math.max(0, Math.min(untilDue, POLL.toNanos())));
    }

    /**
     * One poll: apply its events; when something is waiting to be written and the interval has passed since the
     * last flush, flush; then announce what the flushes wrote, and commit. While a record that could not be read
     * yet waits for its pause to pass, it does nothing.
     */
    void step(Duration timeout) {
        if (!untilReadAgain().isZero()) {
            return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        if (!records.isEmpty()) {
            lastRead = nanoTime.getAsLong();
        }
        long lastApplied = -1;
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        for (int i = 0; i < partitions.size(); i++) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partitions.get(i))) {
                if (record.topic().equals(topics.previews().name())) {
                    applyPreview(record);
                    continue;
                }
                SpecificRecord event;
                try {
                    event = decoder.decode(record);
                } catch (RuntimeException e) {
                    if (ReadRetry.isRetriable(e)) {
                        readAgainLater(record, e, records, partitions.subList(i + 1, partitions.size()));
                        return;
                    }
                    builder.failed(keyOf(record), null, "unreadable record " + where(record) + ": " + e.getMessage());
                    appliedSinceFlush = true;
                    continue;
                }
                readAttempts = 0;
                waitingToRead = false;
                TraceParent trace = EventHeaders.trace(record.headers()).orElse(null);
                CacheInvalidation invalidation;
                try (StoryLog.Scope story = StoryLog.open(storyOf(record, event), revisionOf(event), trace)) {
                    invalidation = applySafely(record, event);
                }
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (invalidation != null && record.offset() >= announceFrom.getOrDefault(partition, Long.MAX_VALUE)) {
                    unflushed.add(new Invalidation(invalidation, trace));
                }
                if (announceFrom.containsKey(partition)) {
                    lastApplied = Math.max(lastApplied, record.timestamp());
                }
                appliedSinceFlush = true;
            }
        }
        measureLag(lastApplied);
        if (flushDue()) {
            flushOrTryLater();
        }
        if (!unsent.isEmpty()) {
            announce();
        }
        if (!caughtUp) {
            catchUpWhenThere();
        }
    }

    /**
     * Once every partition is read up to the end offset seen at start and what was read is written (no flush
     * waiting, no record waiting to be read again), the rebuild is complete: prune, and say ready.
     */
    private void catchUpWhenThere() {
        if (appliedSinceFlush || waitingToRead) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : catchUpTo.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        builder.prune();
        caughtUp = true;
        log.info("The site has caught up with {}, {} and {} ({}); it is ready", topics.published().name(),
                topics.rejected().name(), topics.previews().name(), catchUpTo);
    }

    /** Whether the rebuild since the last {@link #open()} has caught up (see {@link #catchUpWhenThere()}). */
    boolean caughtUp() {
        return caughtUp;
    }

    /** How far behind articles.published (the partitions of {@code announceFrom}) the reader is, after this poll. */
    private void measureLag(long lastAppliedMillis) {
        long behind = 0;
        for (TopicPartition partition : announceFrom.keySet()) {
            behind += consumer.currentLag(partition).orElse(0);
        }
        lag.update(behind, lastAppliedMillis);
    }

    private boolean flushDue() {
        long now = nanoTime.getAsLong();
        boolean gapPassed = now - lastFlush >= flushGapNanos
                || now - lastFlush >= flushIntervalNanos && now - lastRead >= QUIET.toNanos();
        return appliedSinceFlush && !waitingToRead && gapPassed
                && (flushFailures == 0 || now - flushAgainAt >= 0);
    }

    /**
     * Seeks back to {@code record} and to the first record of each partition of the poll not yet reached, so
     * nothing is skipped, and pauses before reading them again.
     */
    private void readAgainLater(ConsumerRecord<byte[], byte[]> record, RuntimeException error,
                                ConsumerRecords<byte[], byte[]> records, List<TopicPartition> notReached) {
        consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
        for (TopicPartition partition : notReached) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
        readAttempts++;
        Duration pause = ReadRetry.delay(readAttempts);
        readAgainAt = nanoTime.getAsLong() + pause.toNanos();
        waitingToRead = true;
        log.warn("Could not read {} yet (attempt {}), reading it again in {} s; the site's listings wait for it: {}",
                where(record), readAttempts, pause.toSeconds(), error.toString());
    }

    /** A failed flush (the disk, not a story) leaves everything to write in place and is tried again after a pause. */
    private void flushOrTryLater() {
        try {
            flush();
            flushFailures = 0;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            flushFailures++;
            Duration pause = ReadRetry.delay(flushFailures);
            flushAgainAt = nanoTime.getAsLong() + pause.toNanos();
            log.error("Could not write the site's listings, feeds or sitemaps (attempt {}); trying again in {} s",
                    flushFailures, pause.toSeconds(), e);
        }
    }

    /** On an orderly stop: writes what was applied since the last flush and announces it. */
    void finish() {
        try {
            // Waiting for a record it could not read yet, it writes no listing without it.
            if (appliedSinceFlush && !waitingToRead) {
                flush();
            }
            if (!unsent.isEmpty()) {
                try {
                    announce();
                } catch (WakeupException e) {
                    // The stop's own wake-up, now used up: the invalidations went out, so record that.
                    commit();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not write or announce the last changes before stopping; the next start does: {}",
                    e.getMessage());
        }
    }

    /** Writes the listings of every event applied so far; their invalidations, and the position, may now go out. */
    private void flush() {
        long start = nanoTime.getAsLong();
        Map<String, List<String>> alsoWritten = builder.flush();
        lastFlush = nanoTime.getAsLong();
        flushGapNanos = Math.max(flushIntervalNanos, (lastFlush - start) * FLUSH_GAP_PER_FLUSH_TIME);
        appliedSinceFlush = false;
        unflushed.forEach(invalidation -> unsent.add(new Invalidation(
                InvalidationPaths.including(invalidation.event(), alsoWritten), invalidation.trace())));
        unflushed.clear();
        announceFrom.forEach((partition, from) -> {
            long position = consumer.position(partition);
            if (position >= from) {
                flushedPositions.put(partition, new OffsetAndMetadata(position));
            }
        });
    }

    private void announce() {
        try {
            invalidations.send(List.copyOf(unsent));
        } catch (RuntimeException e) {
            log.warn("Could not send {} cache invalidations; trying again after the next poll: {}", unsent.size(), e.getMessage());
            return;
        }
        unsent.clear();
        commit();
    }

    private void commit() {
        try {
            consumer.commitSync(new HashMap<>(flushedPositions));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Only costs repeating these purges after a restart.
            log.warn("Could not record how far cache invalidations were sent: {}", e.getMessage());
        }
    }

    private List<TopicPartition> partitionsOf(Topic<?, ?> topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Topic " + topic.name() + " has no partitions (does it exist?)");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** An event the site cannot apply is recorded with its reason and skipped; it never stops the site. */
    private CacheInvalidation applySafely(ConsumerRecord<byte[], byte[]> record, SpecificRecord event) {
        try {
            if (event instanceof ArticlePublished published) {
                return metrics.time("site", "apply", () -> builder.apply(published));
            }
            if (event instanceof ArticleRejected rejected) {
                builder.apply(rejected);
            }
        } catch (RuntimeException e) {
            if (event instanceof ArticlePublished published) {
                builder.failed(published.getArticleId(), published.getRevision(), e.getMessage() + " (" + where(record) + ")");
            } else {
                builder.failed(keyOf(record), null, e.getMessage() + " (" + where(record) + ")");
            }
            log.debug("The event at {} failed", where(record), e);
        }
        return null;
    }

    /** A preview that cannot be written (a path that is not a preview's, a full disk) is logged and skipped. */
    private void applyPreview(ConsumerRecord<byte[], byte[]> record) {
        Topic<String, String> previews = topics.previews();
        try {
            builder.preview(previews.keySerde().deserializer().deserialize(record.topic(), record.key()),
                    previews.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            log.error("The site skipped the preview at {}: {}", where(record), e.getMessage());
        }
    }

    private static String storyOf(ConsumerRecord<byte[], byte[]> record, SpecificRecord event) {
        if (event instanceof ArticlePublished published) {
            return published.getArticleId();
        }
        return event instanceof ArticleRejected rejected && rejected.getArticleId() != null
                ? rejected.getArticleId() : keyOf(record);
    }

    private static Object revisionOf(SpecificRecord event) {
        if (event instanceof ArticlePublished published) {
            return published.getRevision();
        }
        return event instanceof ArticleRejected rejected ? rejected.getRevision() : null;
    }

    private static String where(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The record's key, which is its article id; null when it has none. */
    private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Ready: caught up and still reading. */
    @Override
    public boolean isHealthy() {
        Thread reading = thread;
        return assigned && caughtUp && reading != null && reading.isAlive();
    }

    /** Live: not failed, and the loop has turned within {@link #STALL_LIMIT}. */
    @Override
    public boolean isLive() {
        return failure().isEmpty() && (!running.get() || nanoTime.getAsLong() - lastTurn < STALL_LIMIT.toNanos());
    }

    @Override
    public Optional<String> failure() {
        String failed = failure;
        if (failed != null) {
            return Optional.of(failed);
        }
        Thread reading = thread;
        // Died of an Error (out of memory, say), which the loop does not catch.
        if (running.get() && reading != null && !reading.isAlive()) {
            return Optional.of("the site reader thread died");
        }
        return Optional.empty();
    }

    /** {@code galley_site_lag_records}, {@code galley_site_lag_seconds} and the time applying each event takes. */
    @Override
    public void bindMetrics(MeterRegistry registry) {
        metrics.bindTo(registry);
        lag.bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            running.set(false);
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        invalidations.close();
    }
}
