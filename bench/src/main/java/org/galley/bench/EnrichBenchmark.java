package org.galley.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.galley.enrich.EnrichSettings;
import org.galley.enrich.related.RelatedChoice;
import org.galley.enrich.related.RelatedStories;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.story.InMemoryStoryIndex;
import org.galley.enrich.story.StoryEnricher;
import org.galley.enrich.story.StoryIndexer;
import org.galley.enrich.tags.StoryTag;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Enrichment of one story, the way enrich does it, without Kafka: the per-story draft (parse the Markdown, count
 * words, reading time, excerpt, vocabulary tags and keyphrases, slug) and the story-index step (slug claim and the
 * choice of related stories among every story in the index). The target is under 1 ms for a 1,000-word story
 * against an index of 1,000 stories, on one core. See docs/enrich.md for the command and the figures measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichBenchmark {

    @Param(BenchStories.REFERENCE)
    public String story;

    @Param("1000")
    public int indexSize;

    private ArticleAccepted accepted;
    private StoryEnricher enricher;
    private StoryIndexer indexer;
    private InMemoryStoryIndex index;
    private EnrichSettings settings;
    private StorySummary summary;
    private List<StorySummary> summaries;

    @Setup
    public void setUp() {
        settings = EnrichSettings.defaults();
        accepted = BenchStories.accepted(story);
        enricher = new StoryEnricher(settings.reading(), settings.tagger(), settings.site(),
                Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));
        indexer = new StoryIndexer(settings.site(), settings.related(), settings.vocabulary());
        summaries = BenchStories.index(indexSize, settings.vocabulary(), 42);
        index = new InMemoryStoryIndex();
        for (StorySummary indexed : summaries) {
            index.put(indexed);
            index.claimSlug(indexed.slug(), indexed.articleId());
        }
        ArticleEnriched draft = enricher.draft(accepted);
        summary = new StorySummary("bench-story", accepted.getSubmission().getHeadline(), draft.getSlug(),
                draft.getPath(), draft.getTags().stream().map(tag -> new StoryTag(tag.getName(), tag.getSlug())).toList(),
                draft.getFirstPublishedAt(), true);
    }

    /** Everything that depends on the story alone. */
    @Benchmark
    public ArticleEnriched draft() {
        return enricher.draft(accepted);
    }

    /** Related stories for the story, among every story in the index. */
    @Benchmark
    public List<RelatedChoice> related() {
        return RelatedStories.choose(summary, summaries.stream(), settings.related(), settings.vocabulary());
    }

    /** The whole of it: the draft, then the index step (its revision is indexed again each time, as a correction is). */
    @Benchmark
    public ArticleEnriched enrich() {
        return indexer.index(enricher.draft(accepted), index);
    }
}
