package org.galley.render.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.render.StoryFixtures.SITE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.galley.events.ArticleEnriched;
import org.galley.render.StoryFixtures;
import org.galley.render.ticker.TickerEntry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The preview page of the reference story: the live page's, kept out of search engines and marked as a draft. */
class PreviewPageTest {

    private static final String TOKEN = "q7Vd0uXo3kZ9bY2cR5mN8wT1";
    private static final String PREVIEW_PATH = "/preview/" + TOKEN + "/";
    private static final JtePageRenderer RENDERER = new JtePageRenderer(SITE);

    private static final ArticleEnriched LIVE = StoryFixtures.microsoftOpenAi();
    private static final List<TickerEntry> TICKER = List.of(TickerEntry.of(LIVE),
            TickerEntry.of(StoryFixtures.claudeGoesToWork()));
    private static final Document LIVE_PAGE = Jsoup.parse(RENDERER.render(LIVE, TICKER));
    private static final String PREVIEW_HTML = RENDERER.render(StoryFixtures.preview(LIVE, TOKEN), TICKER);
    private static final Document PREVIEW = Jsoup.parse(PREVIEW_HTML);

    @Test
    void aPreviewIsKeptOutOfSearchEnginesAndALivePageIsNot() {
        assertThat(PREVIEW.select("meta[name=robots]").eachAttr("content")).containsExactly("noindex, nofollow");
        assertThat(LIVE_PAGE.select("meta[name=robots]")).isEmpty();
    }

    @Test
    void aPreviewOpensWithItsBannerInPlaceOfTheLiveStrip() {
        assertThat(PREVIEW.body().child(0).className()).isEqualTo("preview-banner");
        assertThat(PREVIEW.select(".preview-banner").text()).isEqualTo("Preview — not published");
        assertThat(PREVIEW.select("nav.ticker")).isEmpty();
        assertThat(LIVE_PAGE.select(".preview-banner")).isEmpty();
        assertThat(LIVE_PAGE.select("nav.ticker li")).hasSize(2);
    }

    @Test
    void theBannerIsStyledByThePagesOneStylesheetWhichItsPolicyAllows() throws Exception {
        String css = PREVIEW.selectFirst("style").data();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)));

        assertThat(css).contains(".preview-banner{");
        assertThat(PREVIEW.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("style-src 'sha256-" + hash + "'");
        assertThat(LIVE_PAGE.selectFirst("style").data()).doesNotContain("preview-banner");
    }

    @Test
    void aPreviewsCanonicalAddressIsItsOwn() {
        assertThat(PREVIEW.select("link[rel=canonical]").eachAttr("href")).containsExactly(SITE.urlOf(PREVIEW_PATH));
        assertThat(PREVIEW.select("meta[property=og:url]").attr("content")).isEqualTo(SITE.urlOf(PREVIEW_PATH));
        assertThat(PREVIEW_HTML).doesNotContain(LIVE.getUrl());
    }

    @Test
    void aPreviewShowsTheStoryButNoRelatedStoriesAndNoSectionLinks() {
        assertThat(PREVIEW.select("h1").text()).isEqualTo(LIVE_PAGE.select("h1").text());
        assertThat(PREVIEW.select("main .body").html()).isEqualTo(LIVE_PAGE.select("main .body").html());
        assertThat(PREVIEW.select("footer a").eachAttr("href")).containsExactly("/");
        assertThat(PREVIEW.select("a.category")).isEmpty();
        assertThat(PREVIEW.select("span.category").text()).isEqualTo(LIVE_PAGE.select("a.category").text());
        assertThat(PREVIEW.select("link[href^=/preview/]")).isEmpty();
    }

    @Test
    void aPreviewMustBeAtItsTokensPathWithALongUrlSafeToken() {
        ArticleEnriched atTheLivePath = StoryFixtures.copy(StoryFixtures.preview(LIVE, TOKEN))
                .setPath(LIVE.getPath()).build();
        ArticleEnriched shortToken = StoryFixtures.preview(LIVE, "abc123");

        assertThatThrownBy(() -> RENDERER.render(atTheLivePath, TICKER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not at its token's path");
        assertThatThrownBy(() -> RENDERER.render(shortToken, TICKER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
    }
}
