package org.galley.render.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.render.StoryFixtures.SITE;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.galley.events.ArticleEnriched;
import org.galley.events.HeroImage;
import org.galley.events.RelatedStory;
import org.galley.render.StoryFixtures;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.SiteSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** How a page copes with stories that are unusual, hostile or broken. */
class PageEdgeCasesTest {

    private final JtePageRenderer renderer = new JtePageRenderer(SITE);

    @Test
    void markupInTheStorysFieldsIsShownAsTextNeverRunAsHtml() throws Exception {
        String hostile = "Breaking </script><script>alert(1)</script> & \"quotes\" <!--";
        ArticleEnriched story = StoryFixtures.withSubmission(StoryFixtures.microsoftOpenAi(), submission -> submission
                .setHeadline(hostile)
                .setDek("<img src=x onerror=alert(1)>")
                .setHero(HeroImage.newBuilder().setUrl("https://images.example/a.jpg")
                        .setAlt("\" onload=\"alert(1)").setCaption("<b>bold</b>").setCredit(null).build()));

        String html = renderer.render(story, List.of());
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst("h1").text()).isEqualTo(hostile);
        assertThat(page.selectFirst(".dek").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.selectFirst("figure.hero img").attr("alt")).isEqualTo("\" onload=\"alert(1)");
        assertThat(page.select("figure.hero img").first().attributes().hasKey("onload")).isFalse();
        assertThat(page.selectFirst(".caption").text()).isEqualTo("<b>bold</b>");
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select(".dek img, .caption b")).isEmpty();
        String jsonLd = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(jsonLd).doesNotContain("<", ">", "&");
        assertThat(new ObjectMapper().readTree(jsonLd).path("headline").asText()).isEqualTo(hostile);
    }

    @Test
    void storyWithoutHeroOrDekHasNoFigureAndASmallSocialCard() {
        ArticleEnriched story = StoryFixtures.withSubmission(StoryFixtures.microsoftOpenAi(), submission -> submission
                .setHero(null).setDek(null));

        Document page = Jsoup.parse(renderer.render(story, List.of()));

        assertThat(page.select("figure.hero, .dek, meta[property=og:image], meta[name=twitter:image]")).isEmpty();
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(page.select("nav.ticker li, nav.ticker ul")).isEmpty();
    }

    @Test
    void namedWritersBecomePersonAuthorsInJsonLd() throws Exception {
        ArticleEnriched story = StoryFixtures.withSubmission(StoryFixtures.microsoftOpenAi(), submission -> submission
                .setByline("Jane Doe and John Roe"));

        Document page = Jsoup.parse(renderer.render(story, List.of()));
        JsonNode authors = new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data())
                .path("author");

        assertThat(authors).extracting(author -> author.path("@type").asText()).containsExactly("Person", "Person");
        assertThat(authors).extracting(author -> author.path("name").asText()).containsExactly("Jane Doe", "John Roe");
        assertThat(page.selectFirst(".byline").text()).startsWith("By Jane Doe and John Roe");
    }

    @Test
    void heroWithAScriptUrlIsRefusedWithTheReason() {
        ArticleEnriched story = StoryFixtures.withSubmission(StoryFixtures.microsoftOpenAi(), submission -> submission
                .setHero(HeroImage.newBuilder().setUrl("javascript:alert(1)").setAlt("x").build()));

        assertThatThrownBy(() -> renderer.render(story, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hero image of article microsoft-openai-partnership")
                .hasMessageContaining("javascript:alert(1)");
    }

    @Test
    void relatedStoryWithAnOffSitePathIsRefusedWithTheReason() {
        ArticleEnriched story = StoryFixtures.copy(StoryFixtures.microsoftOpenAi())
                .setRelated(List.of(RelatedStory.newBuilder().setArticleId("elsewhere").setHeadline("h")
                        .setLabel("Elsewhere").setPath("//evil.example/").setUrl("https://evil.example/").build()))
                .build();

        assertThatThrownBy(() -> renderer.render(story, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("related story elsewhere");
    }

    @Test
    void siteColoursThatAreNotCssColoursAreRefusedAtStartup() {
        SiteSettings injected = SiteSettings.fromConfig(new ServiceConfig(
                Map.of("GALLEY_SITE_ACCENT_COLOR", "red}body{display:none")));

        assertThatThrownBy(() -> new JtePageRenderer(injected))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GALLEY_SITE_ACCENT_COLOR");
    }

    @Test
    void pageIsInTheStorysLanguage() {
        ArticleEnriched story = StoryFixtures.withSubmission(StoryFixtures.microsoftOpenAi(), submission -> submission.setLanguage("de"));

        Document page = Jsoup.parse(renderer.render(story, List.of()));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst(".byline time").text()).isEqualTo("28. April 2026");
    }

    @Test
    void rightToLeftStoryIsMarkedRightToLeft() {
        ArticleEnriched story = StoryFixtures.withSubmission(StoryFixtures.microsoftOpenAi(), submission -> submission.setLanguage("ar"));

        Document page = Jsoup.parse(renderer.render(story, List.of()));

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
    }

    @Test
    void leftToRightStoryIsMarkedLeftToRight() {
        Document page = Jsoup.parse(renderer.render(StoryFixtures.microsoftOpenAi(), List.of()));

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void categoryLinksToTheSectionTheStoryLivesUnder() {
        ArticleEnriched story = StoryFixtures.copy(StoryFixtures.microsoftOpenAi())
                .setSubmission(StoryFixtures.copy(StoryFixtures.microsoftOpenAi().getSubmission())
                        .setCategory("Science & Tech").build())
                .setPath("/science-tech/microsoft-and-openai/")
                .setUrl(SITE.urlOf("/science-tech/microsoft-and-openai/"))
                .build();

        Document page = Jsoup.parse(renderer.render(story, List.of()));

        assertThat(page.selectFirst("a.category").attr("href")).isEqualTo("/science-tech/");
        assertThat(page.selectFirst("a.category").text()).isEqualTo("Science & Tech");
    }

    @Test
    void storyWithoutASectionShowsItsCategoryUnlinked() {
        ArticleEnriched story = StoryFixtures.copy(StoryFixtures.microsoftOpenAi())
                .setSubmission(StoryFixtures.copy(StoryFixtures.microsoftOpenAi().getSubmission()).setCategory("経済").build())
                .setPath("/microsoft-and-openai/")
                .setUrl(SITE.urlOf("/microsoft-and-openai/"))
                .build();

        Document page = Jsoup.parse(renderer.render(story, List.of()));

        assertThat(page.select("a.category")).isEmpty();
        assertThat(page.selectFirst("span.category").text()).isEqualTo("経済");
    }

    @Test
    void sectionIsTheFirstSegmentOfTheStorysPath() {
        assertThat(Links.sectionPath("/ai/some-story/")).isEqualTo("/ai/");
        assertThat(Links.sectionPath("/science-tech/a/")).isEqualTo("/science-tech/");
        assertThat(Links.sectionPath("/some-story/")).isNull();
        assertThat(Links.sectionPath("/some-story")).isNull();
    }
}
