package org.galley.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.galley.enrich.EnrichSettings;
import org.galley.enrich.related.RelatedChoice;
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
 * words, reading time, excerpt, vocabulary tags and keyphrases, slug) and the story-index step (slug claim, the
 * related stories chosen within the windows of the story's tags, the ticker, the index update) against an index
 * of 1,000 stories filed through the same index step. The target is under 1 ms for a 1,000-word story, on one
 * core. See docs/enrich.md for the command and the figures measured.
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
    private StorySummary summary;
    private ArticleEnriched storyDraft;
    private ArticleEnriched[] retags;
    private int retag;

    @Setup
    public void setUp() {
        EnrichSettings settings = EnrichSettings.defaults();
        accepted = BenchStories.accepted(story);
        enricher = new StoryEnricher(settings.reading(), settings.tagger(), settings.site(),
                Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));
        indexer = new StoryIndexer(settings.site(), settings.related(), settings.vocabulary());
        List<StorySummary> summaries = new ArrayList<>(BenchStories.index(indexSize, settings.vocabulary(), 42));
        summaries.sort(Comparator.comparing(StorySummary::position));
        index = new InMemoryStoryIndex();
        for (StorySummary indexed : summaries) {
            indexer.index(BenchStories.draft(indexed, indexed.tags()), index);
        }
        storyDraft = enricher.draft(accepted);
        summary = new StorySummary("bench-story", accepted.getSubmission().getHeadline(), storyDraft.getSlug(),
                storyDraft.getPath(),
                storyDraft.getTags().stream().map(tag -> new StoryTag(tag.getName(), tag.getSlug())).toList(),
                storyDraft.getFirstPublishedAt(), true);
        // A correction in the middle of the archive that drops a tag, then one that restores it, in turn.
        StorySummary middle = summaries.get(summaries.size() / 2);
        retags = new ArticleEnriched[] {
                BenchStories.draft(middle, middle.tags().subList(1, middle.tags().size())),
                BenchStories.draft(middle, middle.tags())};
    }

    /** Everything that depends on the story alone. */
    @Benchmark
    public ArticleEnriched draft() {
        return enricher.draft(accepted);
    }

    /** Related stories for the newest story: ranked within its tags' windows, the chosen ones labelled. */
    @Benchmark
    public List<RelatedChoice> related() {
        return indexer.related(summary, index);
    }

    /**
     * The serial part alone, for the newest story: slug, related choice, ticker, index update, and the check that
     * no later story needs sending again (its revision is indexed again each time).
     */
    @Benchmark
    public StoryIndexer.Indexed index() {
        return indexer.index(storyDraft, index);
    }

    /**
     * The whole of it for a new story: the draft, then the index step (its revision is indexed again each time, as
     * a correction that changes nothing others show is).
     */
    @Benchmark
    public StoryIndexer.Indexed enrich() {
        return indexer.index(enricher.draft(accepted), index);
    }

    /**
     * The index step's worst ordinary case: a year-old story's tags change, so the later stories in its tags'
     * windows and ticker range are computed again and those whose links changed are completed again.
     */
    @Benchmark
    public StoryIndexer.Indexed retag() {
        retag = 1 - retag;
        return indexer.index(retags[retag], index);
    }
}
