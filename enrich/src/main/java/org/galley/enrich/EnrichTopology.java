package org.galley.enrich;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.galley.enrich.story.StoryEnricher;
import org.galley.enrich.story.StoryIndexer;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.StoryHops;
import org.galley.runtime.trace.Tracing;

/**
 * Enrich: turns each accepted story into one the site can file, link and list.
 *
 * <p>Reads {@code articles.accepted} (key: articleId as String; value: {@link ArticleAccepted}). Writes
 * {@code articles.enriched} (key: articleId as String; value: {@link ArticleEnriched}): slug, path and URL,
 * word count and reading time, excerpt, tags, related stories, ticker, first publication time. A story may be
 * written again, same submission and revision, when a story that arrives after it (one published earlier, a
 * correction, a takedown) changes its related stories or ticker. Records that cannot be read or processed go to
 * the dead-letter topic (see {@code StreamsSettings}).
 *
 * <p>Two steps:
 * <ol>
 *   <li><b>Draft</b>, in parallel on every input partition: everything that depends on the story alone, and all
 *       the text work (Markdown, counting, tagging, excerpt: {@link StoryEnricher}); each draft names the
 *       partition and offset it came from ({@link DraftProcessor}).</li>
 *   <li><b>Story index</b>, in one task: slugs must be unique site-wide and links depend on other stories, but the
 *       input's partitions are keyed by article id, so two stories sharing tags, or a headline, usually sit on
 *       different partitions. So every draft is re-keyed to one constant key and passed through an internal topic
 *       with a single partition ({@code galley-enrich-story-index-repartition}). The one task that reads it owns
 *       the index ({@link StoryIndexProcessor}): {@code story-index} (articleId to summary), {@code slug-claims}
 *       (slug to articleId), {@code stories-by-tag} and {@code stories-by-time} (live stories in publication
 *       order) and {@code story-drafts} (articleId to latest draft). It keeps each story's first slug, makes new
 *       slugs unique, picks related stories and the ticker from bounded windows of its neighbours, sends again
 *       the other stories whose links changed, and re-keys everything by article id ({@link StoryIndexer}).
 *       Paced by {@link IndexPacing}: drafts that arrive together are indexed together in publication order, an
 *       archive draft waits until every input partition with stories still on their way has passed it
 *       ({@link InputEnds}, {@link WaitingDrafts#isDue}), and a story whose links changed is sent again at most
 *       once per relink interval, so a burst causes few re-sends ({@code index-waiting-drafts},
 *       {@code index-pending-relinks}).</li>
 * </ol>
 *
 * <p><b>Previews</b> (an accepted story with a {@code previewToken}) take only the first step, and are written
 * straight to {@code articles.enriched} with their token, at {@code /preview/<token>/}, with no related stories
 * and no ticker ({@link StoryEnricher#preview}). They never reach the story index: they claim no slug, are in no
 * store, appear in no other story's links and cause no re-send, so publishing a story later is exactly as if it
 * had never been previewed. A preview shows no related links or ticker because those are chosen, from the live
 * stories, when the story is published.
 *
 * <p>Why this design: it is correct and deterministic under exactly-once. Claims, index updates and every event
 * one draft causes commit in one transaction, and a story's revisions stay in order because they travel one input
 * partition into one index partition. Each story's links are defined by publication order, not arrival order,
 * and re-sending the few stories a change affects makes every story's last event the same whatever order
 * stories arrive in. The index step is serial (one thread of one instance), so it does no text work and reads
 * only what a story's windows hold: a few range scans and a handful of summaries per story, whatever the size of
 * the archive. The alternative, repartitioning slug claims by slug, would keep slugs unique but would still need
 * a global view for links.
 */
public final class EnrichTopology {

    /** The name of the story index's input; Kafka Streams names the topic {@code galley-enrich-<this>-repartition}. */
    static final String INDEX_TOPIC = "story-index";

    /** The one key every draft carries into the story index. */
    static final String INDEX_KEY = "story-index";

    private EnrichTopology() {
    }

    /** The topology with every draft indexed at once ({@link IndexPacing#IMMEDIATE}), as the rules' tests use it. */
    public static Topology build(Topics topics, EnrichSettings settings, Clock clock) {
        return build(topics, settings, IndexPacing.IMMEDIATE, clock);
    }

    public static Topology build(Topics topics, EnrichSettings settings, IndexPacing pacing, Clock clock) {
        return build(topics, settings, pacing, InputEnds.UNKNOWN, clock);
    }

    static Topology build(Topics topics, EnrichSettings settings, IndexPacing pacing, InputEnds.Reader inputEnds,
                          Clock clock) {
        return build(topics, settings, pacing, inputEnds, clock, Tracing.none(), new GalleyMetrics());
    }

    /** With spans, and meters that record into nothing. */
    static Topology build(Topics topics, EnrichSettings settings, IndexPacing pacing, InputEnds.Reader inputEnds,
                          Clock clock, Tracing tracing) {
        return build(topics, settings, pacing, inputEnds, clock, tracing, new GalleyMetrics());
    }

    /** With meters, and no spans. */
    static Topology build(Topics topics, EnrichSettings settings, IndexPacing pacing, InputEnds.Reader inputEnds,
                          Clock clock, GalleyMetrics metrics) {
        return build(topics, settings, pacing, inputEnds, clock, Tracing.none(), metrics);
    }

    /**
     * @param inputEnds where each input partition ends, for the index step's archive order ({@link InputEnds})
     * @param tracing   where each story's enrich hop is recorded; its {@code traceparent} goes from the accepted
     *                  event through the draft's repartition topic to the enriched event, a new span at the end
     * @param metrics   times the draft and index steps
     */
    static Topology build(Topics topics, EnrichSettings settings, IndexPacing pacing, InputEnds.Reader inputEnds,
                          Clock clock, Tracing tracing, GalleyMetrics metrics) {
        StoryEnricher enricher = new StoryEnricher(settings.reading(), settings.tagger(), settings.site(), clock);
        StoryIndexer indexer = new StoryIndexer(settings.site(), settings.related(), settings.vocabulary());

        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ArticleAccepted> accepted = builder.stream(topics.accepted().name(),
                        topics.accepted().consumed().withName("accepted"))
                .processValues(StoryHops.enter(tracing, "enrich", (ArticleAccepted story) ->
                        story.getSubmission().getRevision()), Named.as("story-context"));
        // A null value stays with the stories: the draft step sends it to the dead-letter topic.
        Map<String, KStream<String, ArticleAccepted>> byKind = accepted.split(Named.as("accepted-"))
                .branch((articleId, story) -> story != null && story.getPreviewToken() != null,
                        Branched.as("preview"))
                .defaultBranch(Branched.as("story"));
        // Previews never reach the index: only the draft step's work, on the story's own partition and key.
        KStream<String, ArticleEnriched> previews = byKind.get("accepted-preview")
                .mapValues(story -> metrics.time("enrich", "draft", () -> enricher.preview(story)),
                        Named.as("preview"));
        byKind.get("accepted-story")
                .process(() -> new DraftProcessor(enricher, metrics), Named.as("draft"))
                .repartition(Repartitioned.<String, ArticleEnriched>as(INDEX_TOPIC)
                        .withNumberOfPartitions(1)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(topics.enriched().valueSerde()))
                .process(StoryIndexProcessor.supplier(indexer, pacing, inputEnds, topics.enriched().valueSerde(), metrics),
                        Named.as("index"))
                .merge(previews, Named.as("with-previews"))
                .processValues(StoryHops.hop(tracing, "enrich"), Named.as("enrich-hop"))
                .processValues(StoryHops.typed("ArticleEnriched"), Named.as("type-enriched"))
                .to(topics.enriched().name(), topics.enriched().produced().withName("enriched"));
        return builder.build();
    }
}
