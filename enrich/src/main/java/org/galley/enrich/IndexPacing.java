package org.galley.enrich;

import java.time.Duration;

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
 */
public record IndexPacing(Duration gather, Duration relink) {

    /** Every draft indexed and every change sent at once: the simplest order, for tests of the rules. */
    public static final IndexPacing IMMEDIATE = new IndexPacing(Duration.ZERO, Duration.ZERO);

    public IndexPacing {
        if (gather.isNegative() || relink.isNegative()) {
            throw new IllegalArgumentException("GALLEY_ENRICH_GATHER_MS and GALLEY_ENRICH_RELINK_MS cannot be negative");
        }
    }

    /** Whether drafts wait to be indexed together. */
    public boolean gathers() {
        return !gather.isZero();
    }

    /** Whether relinked stories wait to be sent together. */
    public boolean batchesRelinks() {
        return !relink.isZero();
    }

    public static IndexPacing fromConfig(ServiceConfig config) {
        return new IndexPacing(Duration.ofMillis(config.getLong("GALLEY_ENRICH_GATHER_MS", 20)),
                Duration.ofMillis(config.getLong("GALLEY_ENRICH_RELINK_MS", 500)));
    }
}
