package org.galley.render.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.galley.render.StoryFixtures;
import org.galley.render.ticker.TickerEntry;
import org.junit.jupiter.api.Test;

/** The page model, straight from the story, the ticker and the site's settings, before any HTML. */
class ArticlePagesTest {

    @Test
    void modelHoldsTheStoryReadyToPlace() {
        TickerEntry claude = TickerEntry.of(StoryFixtures.claudeGoesToWork());

        ArticlePage page = ArticlePages.from(StoryFixtures.microsoftOpenAi(), List.of(claude), StoryFixtures.SITE);

        assertThat(page.title()).endsWith(" · Stack Digest");
        assertThat(page.categoryPath()).isEqualTo("/ai/");
        assertThat(page.readingTimeMinutes()).isEqualTo(7);
        assertThat(page.publishedLabel()).isEqualTo("April 28, 2026");
        assertThat(page.hero().src()).isEqualTo(StoryFixtures.SITE.baseUrl() + "/media/ai-partnership.svg");
        assertThat(page.socialImageUrl()).isEqualTo("http://localhost:8080/media/ai-partnership.svg");
        assertThat(page.twitterCard()).isEqualTo("summary_large_image");
        assertThat(page.ticker()).containsExactly(new ArticlePage.TickerLink(claude.headline(), claude.path()));
        assertThat(page.related()).extracting(ArticlePage.RelatedLink::label).containsExactly("Claude");
        assertThat(page.tags()).containsExactly("AI", "Microsoft", "OpenAI");
        assertThat(page.bodyHtml()).startsWith("<p>For most of the last several years");
        assertThat(page.contentSecurityPolicy()).startsWith("default-src 'none'; ");
    }

    @Test
    void sameInputsGiveTheSamePage() {
        List<TickerEntry> ticker = List.of(TickerEntry.of(StoryFixtures.claudeGoesToWork()));

        assertThat(ArticlePages.from(StoryFixtures.microsoftOpenAi(), ticker, StoryFixtures.SITE))
                .isEqualTo(ArticlePages.from(StoryFixtures.microsoftOpenAi(), ticker, StoryFixtures.SITE));
    }
}
