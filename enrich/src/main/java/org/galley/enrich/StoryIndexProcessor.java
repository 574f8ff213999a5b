package org.galley.enrich;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.galley.enrich.related.Position;
import org.galley.enrich.story.StoryIndexer;
import org.galley.events.ArticleEnriched;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.StoryLog;
import org.galley.runtime.trace.TraceParent;

/**
 * The story-index step of {@link EnrichTopology}: reads drafts (all under one key, on the single partition of
 * the index topic), completes each with {@link StoryIndexer} against the index stores, and forwards it keyed by
 * its article id again; the events of the other stories whose links it changed follow.
 *
 * <p>Paced by {@link IndexPacing}: drafts wait in {@value #WAITING_DRAFTS_STORE} (article id and offset to
 * draft) until a wall-clock punctuation indexes those that are due, oldest publication first, each story's own
 * drafts in arrival order ({@link WaitingDrafts}, which keeps what it needs to know of each in memory). A
 * punctuation indexes for at most {@link IndexPacing#indexBudget()} and leaves the rest, already due, to the
 * next one, so no transaction stays open long. Relinked stories wait in {@value #PENDING_RELINKS_STORE} (article id to its latest
 * relinked event) until the next relink punctuation sends each once. A story's own new event supersedes its
 * pending relink, and a later relink an earlier one, whose {@code resend} number is then never sent (a gap, see
 * {@link StoryIndexer}). Both stores are changelogged, and everything is forwarded from a punctuation or a
 * {@code process} call that commits in one transaction with the stores, so a crash loses or repeats nothing.
 */
final class StoryIndexProcessor implements Processor<String, ArticleEnriched, String, ArticleEnriched> {

    static final String STORY_INDEX_STORE = "story-index";
    static final String SLUG_CLAIMS_STORE = "slug-claims";
    static final String STORIES_BY_TAG_STORE = "stories-by-tag";
    static final String STORIES_BY_TIME_STORE = "stories-by-time";
    static final String STORY_DRAFTS_STORE = "story-drafts";
    static final String WAITING_DRAFTS_STORE = "index-waiting-drafts";
    static final String PENDING_RELINKS_STORE = "index-pending-relinks";

    private final StoryIndexer indexer;
    private final IndexPacing pacing;
    private ProcessorContext<String, ArticleEnriched> context;
    private KeyValueStoryIndex index;
    private KeyValueStore<String, ArticleEnriched> waiting;
    private KeyValueStore<String, ArticleEnriched> relinks;
    /** The waiting drafts' stories, places and arrival times (wall clock); rebuilt, arrived "now", on a restart. */
    private final WaitingDrafts waitingDrafts = new WaitingDrafts();
    /**
     * How far this step has read each input partition's drafts (in memory: after a restart, archive drafts wait
     * for each partition with stories to send one again, at most the archive cap).
     */
    private final Map<Integer, WaitingDrafts.Progress> read = new HashMap<>();
    /**
     * The trace each waiting draft came with (by waiting key), and the trace of the story whose indexing caused
     * each pending relink (by article id), so what is sent later goes on in the right trace. In memory: after a
     * restart, what waited is sent in a new trace.
     */
    private final Map<String, TraceParent> waitingTraces = new HashMap<>();
    private final Map<String, TraceParent> relinkTraces = new HashMap<>();
    private final InputEnds.Reader ends;
    private final GalleyMetrics metrics;

    private StoryIndexProcessor(StoryIndexer indexer, IndexPacing pacing, InputEnds.Reader ends, GalleyMetrics metrics) {
        this.indexer = indexer;
        this.pacing = pacing;
        this.ends = ends;
        this.metrics = metrics;
    }

    /** The processor together with the stores it owns; drafts are kept with the enriched topic's value serde. */
    static ProcessorSupplier<String, ArticleEnriched, String, ArticleEnriched> supplier(
            StoryIndexer indexer, IndexPacing pacing, InputEnds.Reader ends, Serde<ArticleEnriched> draftSerde) {
        return supplier(indexer, pacing, ends, draftSerde, new GalleyMetrics());
    }

    /** @param metrics times each story's indexing ({@code galley_processing_seconds{stage="enrich",step="index"}}) */
    static ProcessorSupplier<String, ArticleEnriched, String, ArticleEnriched> supplier(
            StoryIndexer indexer, IndexPacing pacing, InputEnds.Reader ends, Serde<ArticleEnriched> draftSerde,
            GalleyMetrics metrics) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ArticleEnriched, String, ArticleEnriched> get() {
                return new StoryIndexProcessor(indexer, pacing, ends, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return StoryIndexProcessor.stores(draftSerde);
            }
        };
    }

    static Set<StoreBuilder<?>> stores(Serde<ArticleEnriched> draftSerde) {
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_INDEX_STORE),
                        Serdes.String(), KeyValueStoryIndex.summarySerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SLUG_CLAIMS_STORE),
                        Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_BY_TAG_STORE),
                        Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_BY_TIME_STORE),
                        Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_DRAFTS_STORE),
                        Serdes.String(), draftSerde),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_DRAFTS_STORE),
                        Serdes.String(), draftSerde),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_RELINKS_STORE),
                        Serdes.String(), draftSerde));
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.index = new KeyValueStoryIndex(context.getStateStore(STORY_INDEX_STORE),
                context.getStateStore(SLUG_CLAIMS_STORE), context.getStateStore(STORIES_BY_TAG_STORE),
                context.getStateStore(STORIES_BY_TIME_STORE), context.getStateStore(STORY_DRAFTS_STORE));
        this.waiting = context.getStateStore(WAITING_DRAFTS_STORE);
        this.relinks = context.getStateStore(PENDING_RELINKS_STORE);
        // Scheduled even with pacing off, to send what waited when the task last ran with it on.
        Duration leftovers = Duration.ofSeconds(1);
        // A draft that waited when the task last stopped counts as arrived now.
        try (KeyValueIterator<String, ArticleEnriched> all = waiting.all()) {
            all.forEachRemaining(entry -> remember(entry.key, entry.value));
        }
        Duration look = pacing.gather().isZero() ? Duration.ofMillis(100) : pacing.gather();
        context.schedule(pacing.gathers() ? look : leftovers, PunctuationType.WALL_CLOCK_TIME, this::indexWaiting);
        context.schedule(pacing.batchesRelinks() ? pacing.relink() : leftovers, PunctuationType.WALL_CLOCK_TIME,
                this::sendRelinks);
    }

    @Override
    public void process(Record<String, ArticleEnriched> draft) {
        TraceParent trace = EventHeaders.trace(draft.headers()).orElse(null);
        if (!pacing.gathers()) {
            index(draft.value(), draft.timestamp(), trace);
            return;
        }
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
        String key = WaitingDrafts.key(draft.value().getSubmission().getArticleId(), offset);
        waiting.put(key, draft.value());
        if (trace != null) {
            waitingTraces.put(key, trace);
        }
        remember(key, draft.value());
        Position at = new Position(draft.value().getFirstPublishedAt(), draft.value().getSubmission().getArticleId());
        long sourceOffset = DraftProcessor.sourceOffset(draft.headers()).orElse(-1);
        DraftProcessor.sourcePartition(draft.headers()).ifPresent(partition -> read.merge(partition,
                new WaitingDrafts.Progress(at, sourceOffset), (known, next) -> known.passing(next.position(), next.offset())));
    }

    private void remember(String key, ArticleEnriched draft) {
        waitingDrafts.add(key, new WaitingDrafts.Waiting(draft.getSubmission().getArticleId(),
                draft.getFirstPublishedAt(), context.currentSystemTimeMs()));
    }

    /**
     * Indexes the drafts that are due, in order, until the budget is spent; a story's drafts are never split, and
     * at least one story is indexed, so a burst always moves on.
     */
    private void indexWaiting(long now) {
        if (waitingDrafts.isEmpty()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        InputEnds.Snapshot inputEnds = ends.snapshot();
        List<String> due = waitingDrafts.due((key, draft) ->
                WaitingDrafts.isDue(draft, Duration.ofMillis(now - draft.arrivedAt()), at, pacing, read, inputEnds));
        long stopAt = System.nanoTime() + pacing.indexBudget().toNanos();
        String previousStory = null;
        for (String key : due) {
            String story = WaitingDrafts.articleId(key);
            if (previousStory != null && !story.equals(previousStory) && System.nanoTime() >= stopAt) {
                return;
            }
            previousStory = story;
            ArticleEnriched draft = waiting.get(key);
            TraceParent trace = waitingTraces.remove(key);
            if (draft != null) {
                index(draft, now, trace);
            }
            waiting.delete(key);
            waitingDrafts.remove(key);
        }
    }

    /** A relinked story is sent in the trace of the story whose indexing changed its links. */
    private void index(ArticleEnriched draft, long timestamp, TraceParent trace) {
        try (StoryLog.Scope story = StoryLog.open(draft.getSubmission().getArticleId(),
                draft.getSubmission().getRevision(), trace)) {
            StoryIndexer.Indexed indexed = metrics.time("enrich", "index", () -> indexer.index(draft, index));
            relinks.delete(indexed.story().getSubmission().getArticleId());
            relinkTraces.remove(indexed.story().getSubmission().getArticleId());
            forward(indexed.story(), timestamp, trace);
            for (ArticleEnriched relinked : indexed.relinked()) {
                if (pacing.batchesRelinks()) {
                    relinks.put(relinked.getSubmission().getArticleId(), relinked);
                    if (trace != null) {
                        relinkTraces.put(relinked.getSubmission().getArticleId(), trace);
                    }
                } else {
                    forward(relinked, timestamp, trace);
                }
            }
        }
    }

    private void sendRelinks(long now) {
        List<KeyValue<String, ArticleEnriched>> pending = new ArrayList<>();
        try (KeyValueIterator<String, ArticleEnriched> all = relinks.all()) {
            all.forEachRemaining(pending::add);
        }
        for (KeyValue<String, ArticleEnriched> relinked : pending) {
            forward(relinked.value, now, relinkTraces.remove(relinked.key));
            relinks.delete(relinked.key);
        }
    }

    /** Only the trace goes on: the draft's other headers (where it came from) are the index step's own. */
    private void forward(ArticleEnriched enriched, long timestamp, TraceParent trace) {
        RecordHeaders headers = new RecordHeaders();
        if (trace != null) {
            EventHeaders.putTrace(headers, trace);
        }
        try (StoryLog.Scope story = StoryLog.open(enriched.getSubmission().getArticleId(),
                enriched.getSubmission().getRevision(), trace)) {
            context.forward(new Record<>(enriched.getSubmission().getArticleId(), enriched, timestamp, headers));
        }
    }
}
