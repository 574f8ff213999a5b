package org.galley.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.galley.events.ArticleSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each accepted revision until its time ({@link Schedule}), in changelogged stores, so a held story
 * survives restarts and moves with its partition on a rebalance; under exactly-once the release, the store
 * changes and the offsets commit together, so a story is released once and never lost.
 *
 * <ul>
 *   <li>{@value #HELD_STORE}: article id to the held revision;</li>
 *   <li>{@value #BY_TIME_STORE}: {@code <releaseAt millis, 19 digits>|<article id>} to the article id, so the
 *       wall-clock check reads only the stories that are due;</li>
 *   <li>{@value #LIVE_STORE}: article id to the first revision that went through, so a takedown of a held story
 *       knows whether anyone has seen it.</li>
 * </ul>
 * Every {@link #CHECK_INTERVAL} of wall-clock time the due revisions are released, in order of time: a story is
 * released within about that long after its time, and never before it.
 */
public final class ScheduleGate implements Processor<String, ArticleSubmitted, String, ScheduleGate.Outcome> {

    public static final String HELD_STORE = "ingest-held";
    public static final String BY_TIME_STORE = "ingest-held-by-time";
    public static final String LIVE_STORE = "ingest-live";
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ScheduleGate.class);

    /**
     * What became of a revision at this gate.
     *
     * @param at        when it was decided (wall-clock time)
     * @param releaseAt when a held revision goes through; null for the other decisions
     */
    public record Outcome(ArticleSubmitted submission, Schedule.Decision decision, Instant at, Instant releaseAt) {
    }

    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, ArticleSubmitted> held;
    private KeyValueStore<String, String> byTime;
    private KeyValueStore<String, Long> live;

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        held = context.getStateStore(HELD_STORE);
        byTime = context.getStateStore(BY_TIME_STORE);
        live = context.getStateStore(LIVE_STORE);
        context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> releaseDue(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, ArticleSubmitted> record) {
        String articleId = record.key();
        ArticleSubmitted submission = record.value();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        ArticleSubmitted before = held.get(articleId);
        Schedule.Decision decision = Schedule.decide(submission, before != null, live.get(articleId) != null, now);
        if (before != null) {
            // Replaced, released with a newer revision, or cancelled: the held revision goes in every case.
            byTime.delete(timeKey(Schedule.releaseAt(before), articleId));
            held.delete(articleId);
        }
        switch (decision) {
            case HOLD -> {
                Instant releaseAt = Schedule.releaseAt(submission);
                held.put(articleId, submission);
                byTime.put(timeKey(releaseAt, articleId), articleId);
                log.info("{} revision {} held until {}", articleId, submission.getRevision(), releaseAt);
                context.forward(record.withValue(new Outcome(submission, decision, now, releaseAt)));
            }
            case CANCEL -> {
                log.info("{} revision {}: a takedown before the story's time; the held revision {} is cancelled",
                        articleId, submission.getRevision(), before == null ? null : before.getRevision());
                context.forward(record.withValue(new Outcome(submission, decision, now, null)));
            }
            case RELEASE -> release(record.withValue(submission), now);
        }
    }

    private void releaseDue(Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = byTime.range(timeKey(Instant.EPOCH, ""),
                timeKey(now, "\uffff"))) {
            entries.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            byTime.delete(entry.key);
            ArticleSubmitted submission = held.get(entry.value);
            if (submission == null) {
                continue;
            }
            held.delete(entry.value);
            log.info("{} revision {} released: its time {} has come", entry.value, submission.getRevision(),
                    Schedule.releaseAt(submission));
            release(new Record<>(entry.value, submission, now.toEpochMilli()), now);
        }
    }

    private void release(Record<String, ArticleSubmitted> record, Instant now) {
        if (live.get(record.key()) == null) {
            live.put(record.key(), record.value().getRevision());
        }
        context.forward(record.withValue(new Outcome(record.value(), Schedule.Decision.RELEASE, now, null)));
    }

    /** Sorts by time as text: epoch milliseconds, zero-padded to the width of Long.MAX_VALUE. */
    static String timeKey(Instant releaseAt, String articleId) {
        return String.format("%019d|%s", Math.max(0, releaseAt.toEpochMilli()), articleId);
    }
}
