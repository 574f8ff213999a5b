package org.galley.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.galley.enrich.EnrichSettings;
import org.galley.enrich.story.StoryEnricher;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RelatedStory;
import org.galley.render.markdown.MarkdownRenderer;
import org.galley.render.page.ArticlePage;
import org.galley.render.page.ArticlePages;
import org.galley.render.page.JtePageRenderer;
import org.galley.render.ticker.TickerEntry;
import org.galley.runtime.SiteSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering one story to its complete article page, the way render does it, without Kafka: Markdown to HTML,
 * the allow-list sanitizer, the page model (links checked, JSON-LD written) and the precompiled jte template.
 * The story is the reference Stack Digest story with a section added that has a list, a table, links and a
 * code block, enriched by enrich's own code, with a full ticker and a related story. The target is under 1 ms
 * on one core. See docs/render.md for the command and the figures measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {

    /** What the reference story lacks: a list, a table, an inline and a reference link, and a code block. */
    static final String MORE_SHAPES = """

            ## The Terms Side by Side

            The amended agreement is easier to read as a table. The [joint statement][statement] has the wording,
            and [Microsoft's post](https://blogs.microsoft.com/blog/2026/04/27/next-phase/) the detail.

            | Term | Before | After |
            |:-----|:------:|------:|
            | Cloud | Azure only | Any provider |
            | Revenue share to OpenAI | Paid | ~~Paid~~ Ended |
            | Licence to IP | Exclusive | Non-exclusive to 2032 |

            What changes for a developer calling the models:

            - The same models may be served from more than one cloud.
            - Pricing and quotas can differ between providers.
            - Contracts signed on Azure keep their terms.

            ```python
            client = OpenAI(base_url=provider.endpoint, api_key=key)
            reply = client.responses.create(model="gpt-5", input="Summarise the amended terms")
            print(reply.output_text)
            ```

            [statement]: https://openai.com/index/next-chapter-of-microsoft-openai-partnership/
            """;

    private JtePageRenderer renderer;
    private MarkdownRenderer markdown;
    private ArticleEnriched article;
    private List<TickerEntry> ticker;
    private ArticlePage page;

    @Setup
    public void setUp() {
        EnrichSettings settings = EnrichSettings.defaults();
        SiteSettings site = settings.site();
        ArticleAccepted reference = BenchStories.accepted(BenchStories.REFERENCE);
        ArticleSubmitted submission = reference.getSubmission();
        submission.setBodyMarkdown(submission.getBodyMarkdown() + MORE_SHAPES);
        StoryEnricher enricher = new StoryEnricher(settings.reading(), settings.tagger(), site,
                Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));
        article = enricher.draft(reference);
        article.setRelated(List.of(new RelatedStory("claude-goes-to-work",
                "Claude Goes to Work as Anthropic Bets on Agents Over Chat", "Claude", "/ai/claude-goes-to-work/",
                site.urlOf("/ai/claude-goes-to-work/"))));
        ticker = List.of(
                TickerEntry.of(article),
                new TickerEntry("claude-goes-to-work", "Claude Goes to Work as Anthropic Bets on Agents Over Chat",
                        "/ai/claude-goes-to-work/", Instant.parse("2026-04-21T00:00:00Z")),
                new TickerEntry("event-streams", "Why Newsrooms Are Rebuilding Their Publishing Pipelines Around Event Streams",
                        "/engineering/event-streams/", Instant.parse("2026-03-02T00:00:00Z")),
                new TickerEntry("a", "Chip Makers Race to Ship the Next Accelerator", "/hardware/a/",
                        Instant.parse("2026-03-01T00:00:00Z")),
                new TickerEntry("b", "A Quiet Week for Browser Engines, and Why That Matters", "/web/b/",
                        Instant.parse("2026-02-28T00:00:00Z")));
        renderer = new JtePageRenderer(site);
        markdown = new MarkdownRenderer();
        page = ArticlePages.from(article, ticker, site);
        if (article.getWordCount() < 1000) {
            throw new IllegalStateException("The benchmark story should have about 1,000 words, has " + article.getWordCount());
        }
    }

    /** The whole page, as render's stream makes it: what the 1 ms target is about. */
    @Benchmark
    public String page() {
        return renderer.render(article, ticker);
    }

    /** Only the body: CommonMark parse and render, then the sanitizer. */
    @Benchmark
    public String body() {
        return markdown.toHtml(article.getSubmission().getBodyMarkdown());
    }

    /** Only the template, from a ready page model. */
    @Benchmark
    public String template() {
        return renderer.render(page);
    }
}
