package org.galley.enrich;

import java.time.Duration;
import java.time.Instant;

import org.galley.runtime.ServiceConfig;

/**
 * How the story-index step paces its work. Both settings trade a little delay for much less repeated work when
 * many stories arrive at once (a replay, an archive import), and change nothing a reader sees once the stream is
 * quiet.
 *
 * <table>
 *   <caption>Variables read by {@link #fromConfig}</caption>
 *   <tr><td>{@code GALLEY_ENRICH_GATHER_MS}</td><td>how long drafts wait to be indexed together, in publication
 *       order (20; 0 indexes each at once)</td></tr>
 *   <tr><td>{@code GALLEY_ENRICH_RELINK_MS}</td><td>how often stories whose links changed are sent again, each
 *       once with its latest links (500; 0 sends each change at once)</td></tr>
 *   <tr><td>{@code GALLEY_ENRICH_ARCHIVE_GATHER_MS}</td><td>how long an archive story's draft waits, to be indexed
 *       in publication order with the rest of its batch, while where the input partitions end is unknown (2000);
 *       once it is known, a draft waits for the partitions instead ({@code WaitingDrafts.isDue})</td></tr>
 *   <tr><td>{@code GALLEY_ENRICH_FRESH_MS}</td><td>a story first published longer ago than this is archive
 *       (600000, ten minutes; 0: none is)</td></tr>
 * </table>
 *
 * @param gather drafts arriving within this time are indexed together, oldest publication first. The draft
 *               step runs one task per partition and writes its stories to the index in chunks, partition by
 *               partition, so a burst sent oldest first reaches the index shuffled; indexed in arrival order,
 *               each earlier-dated story that arrives late changes the ticker and related links of the later ones
 *               already sent, which are then rendered again. About one commit interval of gathering puts each
 *               chunk back in order.
 * @param relink a story whose links changed is sent again at most once per this interval, with the links it has
 *               then: during a replay one story's links may change many times in a second, and each change would
 *               otherwise be rendered and written.
 * @param archiveGather how long the draft of an archive story waits
 * @param fresh  how recently a story must have been first published to be news rather than archive
 * @param indexBudget how long one punctuation may spend indexing drafts that are due before it leaves the rest
 *               to the next (it always indexes one story): a punctuation runs inside one transaction, and one
 *               that indexed thousands of drafts at once stayed open past the producer's transaction timeout
 *               (Streams' default 10 s), so the broker aborted it and fenced the task
 */
public record IndexPacing(Duration gather, Duration relink, Duration archiveGather, Duration fresh,
                          Duration indexBudget) {

    /** Half a second: a twentieth of the transaction timeout, and the stream thread still commits often. */
    public static final Duration INDEX_BUDGET = Duration.ofMillis(500);

    /** Every draft indexed and every change sent at once: the simplest order, for tests of the rules. */
    public static final IndexPacing IMMEDIATE =
            new IndexPacing(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public IndexPacing {
        if (gather.isNegative() || relink.isNegative() || archiveGather.isNegative() || fresh.isNegative()
                || indexBudget.isNegative()) {
            throw new IllegalArgumentException("GALLEY_ENRICH_*_MS settings cannot be negative");
        }
    }

    public IndexPacing(Duration gather, Duration relink, Duration archiveGather, Duration fresh) {
        this(gather, relink, archiveGather, fresh, INDEX_BUDGET);
    }

    /** Paced as today's breaking news: drafts gathered for {@code gather}, none held as archive. */
    public IndexPacing(Duration gather, Duration relink) {
        this(gather, relink, gather, Duration.ZERO);
    }

    /**
     * How long a draft waits before it is indexed: {@code gather} for news, {@code archiveGather} for a story
     * first published more than {@code fresh} before {@code now} (an archive import or a replay, whose stories
     * arrive by the thousand and shuffled by the partitions, and for which a second or two is no delay at all).
     */
    public Duration holdFor(Instant publishedAt, Instant now) {
        boolean archive = !fresh.isZero() && publishedAt.isBefore(now.minus(fresh));
        return archive ? archiveGather : gather;
    }

    /** The same pacing with another index budget. */
    public IndexPacing withIndexBudget(Duration budget) {
        return new IndexPacing(gather, relink, archiveGather, fresh, budget);
    }

    /** Whether drafts wait to be indexed together. */
    public boolean gathers() {
        return !gather.isZero() || (!archiveGather.isZero() && !fresh.isZero());
    }

    /** Whether relinked stories wait to be sent together. */
    public boolean batchesRelinks() {
        return !relink.isZero();
    }

    public static IndexPacing fromConfig(ServiceConfig config) {
        return new IndexPacing(Duration.ofMillis(config.getLong("GALLEY_ENRICH_GATHER_MS", 20)),
                Duration.ofMillis(config.getLong("GALLEY_ENRICH_RELINK_MS", 500)),
                Duration.ofMillis(config.getLong("GALLEY_ENRICH_ARCHIVE_GATHER_MS", 2000)),
                Duration.ofMillis(config.getLong("GALLEY_ENRICH_FRESH_MS", 600_000)));
    }
}
