package org.galley.enrich;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.galley.enrich.story.StoryEnricher;
import org.galley.enrich.story.StoryIndexer;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.runtime.Topics;

/**
 * Enrich: turns each accepted story into one the site can file, link and list.
 *
 * <p>Reads {@code articles.accepted} (key: articleId as String; value: {@link ArticleAccepted}). Writes
 * {@code articles.enriched} (key: articleId as String; value: {@link ArticleEnriched}): slug, path and URL,
 * word count and reading time, excerpt, tags, related stories, first publication time. Records that cannot be
 * read or processed go to the dead-letter topic (see {@code StreamsSettings}).
 *
 * <p>Two steps:
 * <ol>
 *   <li><b>Draft</b>, in parallel on every input partition: everything that depends on the story alone
 *       ({@link StoryEnricher}).</li>
 *   <li><b>Story index</b>, in one task: slugs and related stories depend on every other story, but the input's
 *       partitions are keyed by article id, so two stories sharing tags, or a headline, usually sit on different
 *       partitions and a per-partition store would never see both. So every draft is re-keyed to one constant key
 *       and passed through an internal topic with a single partition ({@code galley-enrich-story-index-repartition}).
 *       The one task that reads it owns the whole index: {@code story-index} (articleId to summary: headline,
 *       tags, slug, path, first publication, published or not) and {@code slug-claims} (slug to articleId). It
 *       keeps each story's first slug, makes new slugs unique, picks related stories, updates the index and
 *       re-keys the result by article id ({@link StoryIndexer}).</li>
 * </ol>
 *
 * <p>Why this design: it is correct and deterministic under exactly-once. Claims and index updates commit in
 * the same transaction as the output, the results follow the order of the single index partition, and a story's
 * revisions stay in order because they travel one input partition into one index partition. The trade-off is that
 * the index step is serial: it runs on one thread of one instance, and choosing related stories reads every
 * summary in the index. That step is cheap (no text work: tagging and counting happen in the parallel draft step,
 * and a summary is a few hundred bytes), so it carries a newsroom's volume; if it ever does not, the index can
 * gain a tag-to-stories store or be sharded, without changing the topics. The alternative, repartitioning slug
 * claims by slug, would keep slugs unique but would still need a global view for related stories.
 */
public final class EnrichTopology {

    /** The one key every draft carries into the story index. */
    static final String INDEX_KEY = "story-index";

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, EnrichSettings settings, Clock clock) {
        StoryEnricher enricher = new StoryEnricher(settings.reading(), settings.tagger(), settings.site(), clock);
        StoryIndexer indexer = new StoryIndexer(settings.site(), settings.related(), settings.vocabulary());

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.accepted().name(), topics.accepted().consumed().withName("accepted"))
                .map((articleId, accepted) -> KeyValue.pair(INDEX_KEY, draft(enricher, articleId, accepted)),
                        Named.as("draft"))
                .repartition(Repartitioned.<String, ArticleEnriched>as("story-index")
                        .withNumberOfPartitions(1)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(topics.enriched().valueSerde()))
                .process(StoryIndexProcessor.supplier(indexer), Named.as("index"))
                .to(topics.enriched().name(), topics.enriched().produced().withName("enriched"));
        return builder.build();
    }

    private static ArticleEnriched draft(StoryEnricher enricher, String articleId, ArticleAccepted accepted) {
        if (accepted == null) {
            // Thrown, not dropped: the processing handler logs it and sends the record to the dead-letter topic.
            throw new IllegalArgumentException("Record " + articleId + " on the accepted topic has no story");
        }
        return enricher.draft(accepted);
    }
}
