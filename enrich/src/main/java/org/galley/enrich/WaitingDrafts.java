package org.galley.enrich;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import org.galley.enrich.related.Position;

/**
 * What the story-index step knows of each draft waiting in its store without reading it: the story, its place in
 * the publication order and when it arrived. The drafts themselves (whole stories) stay in the store and are read
 * only when they are indexed: a punctuation every few milliseconds that decoded every waiting draft to decide
 * which are due cost more than indexing them, once thousands waited during a replay.
 *
 * <p>Drafts that waited together are indexed stories oldest publication first (by the publication time of each
 * story's first waiting draft, then article id), and each story's own drafts in the order they arrived, so a
 * correction or a takedown never overtakes the revision before it.
 */
final class WaitingDrafts {

    /** One waiting draft, by its store key. */
    record Waiting(String articleId, Instant firstPublishedAt, long arrivedAt) {

        Position position() {
            return new Position(firstPublishedAt, articleId);
        }
    }

    /** The longest an archive draft waits for a partition that is behind it, in case one stalls. */
    static final Duration ARCHIVE_CAP = Duration.ofSeconds(30);

    /** By store key: article id, then offset, so each story's drafts are together and in arrival order. */
    private final TreeMap<String, Waiting> waiting = new TreeMap<>();

    /** The waiting-store key: article id, then the draft's offset on the index topic, zero-padded to sort. */
    static String key(String articleId, long offset) {
        return articleId + '\u0000' + String.format("%020d", offset);
    }

    /** The story of a waiting-store key. */
    static String articleId(String key) {
        return key.substring(0, key.lastIndexOf('\u0000'));
    }

    /**
     * How far the index step has read one input partition: the latest publication position among its drafts, and
     * the source offset of the latest draft.
     */
    record Progress(Position position, long offset) {

        Progress passing(Position next, long nextOffset) {
            return new Progress(position.compareTo(next) >= 0 ? position : next, Math.max(offset, nextOffset));
        }
    }

    /**
     * The longest a news draft waits for a partition that is a backlog behind it: a rebalance or a slow instance
     * delays breaking news on the other partitions by no more than this.
     */
    static final Duration NEWS_CAP = Duration.ofSeconds(2);

    /**
     * How far (in offsets, records and commit markers) a partition must be behind before news waits for it. In a
     * steady flow every partition has a story or two on its way to the index at any moment; waiting for them would
     * add a hop to every story. A backlog is another matter: partitions then drift apart by seconds, news was
     * indexed far out of order, and each late story sent the ones after it again (a flood of 2,000 undated
     * stories sent 15% of them twice and took 60% longer), which deepened the backlog.
     */
    static final long NEWS_BACKLOG = 50;

    /**
     * Whether a draft that has waited {@code waited} is due: never before the short gather, and then once every
     * input partition that is behind has sent one published at or after it. An archive draft waits for every
     * partition that still has stories on their way to the index (drafted or not); news waits only for a
     * partition a {@link #NEWS_BACKLOG} behind. Each partition carries stories in the order they were sent, oldest
     * first, so nothing published before the draft is still on its way. The draft step reads its partitions in
     * runs, and the index step reads its own input a few records per turn like any task, so partitions drift
     * apart by hundreds of stories, seconds while the stages are cold; a fixed wait shorter than that indexed many
     * stories after later ones, and each such story sent the later ones again. A partition holds nothing back
     * once the index has read all but its last offset (a read_committed end counts the last commit marker), or
     * once enrich has drafted all of it and the index read every draft ({@code settled}: this covers a last record
     * the draft step dead-lettered, and a partition not heard from since a restart). {@link #ARCHIVE_CAP} and
     * {@link #NEWS_CAP} are the longest; while the ends are unknown, the plain gathers.
     *
     * @param read  how far the index has read each input partition
     * @param input where each input partition ends, and which have nothing more on the way
     */
    static boolean isDue(Waiting draft, Duration waited, Instant now, IndexPacing pacing,
                         Map<Integer, Progress> read, InputEnds.Snapshot input) {
        Duration hold = pacing.holdFor(draft.firstPublishedAt(), now);
        boolean news = hold.equals(pacing.gather());
        Map<Integer, Long> ends = input.ends();
        if (ends.isEmpty()) {
            return waited.compareTo(hold) >= 0;
        }
        if (waited.compareTo(news ? NEWS_CAP : ARCHIVE_CAP) >= 0) {
            return true;
        }
        if (waited.compareTo(pacing.gather()) < 0) {
            return false;
        }
        long behind = news ? NEWS_BACKLOG : 1;
        Position at = draft.position();
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            if (input.settled().contains(end.getKey())) {
                continue;
            }
            Progress partition = read.get(end.getKey());
            long unread = end.getValue() - (partition == null ? 0 : partition.offset() + 1);
            if (unread > behind && (partition == null || partition.position().compareTo(at) < 0)) {
                return false;
            }
        }
        return true;
    }

    void add(String key, Waiting draft) {
        waiting.put(key, draft);
    }

    void remove(String key) {
        waiting.remove(key);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /**
     * The keys of the drafts to index now, in the order to index them: each story whose first waiting draft
     * {@code isDue}, and with them every waiting story published before the latest of those (indexing an earlier
     * story sooner never costs a re-send; indexing it after a later one does). A story's drafts always go
     * together, so a correction never overtakes the revision before it.
     */
    List<String> due(BiPredicate<String, Waiting> isDue) {
        Map<String, List<String>> keysOfStory = new LinkedHashMap<>();
        Map<String, Position> positionOfStory = new LinkedHashMap<>();
        Position latestDue = null;
        for (Map.Entry<String, Waiting> entry : waiting.entrySet()) {
            Waiting draft = entry.getValue();
            keysOfStory.computeIfAbsent(draft.articleId(), id -> new ArrayList<>()).add(entry.getKey());
            if (!positionOfStory.containsKey(draft.articleId())) {
                Position at = draft.position();
                positionOfStory.put(draft.articleId(), at);
                if (isDue.test(entry.getKey(), draft) && (latestDue == null || at.compareTo(latestDue) > 0)) {
                    latestDue = at;
                }
            }
        }
        if (latestDue == null) {
            return List.of();
        }
        Position until = latestDue;
        return positionOfStory.entrySet().stream()
                .filter(story -> story.getValue().compareTo(until) <= 0)
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .flatMap(story -> keysOfStory.get(story.getKey()).stream())
                .toList();
    }
}
