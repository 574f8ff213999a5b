package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowercasesAndJoinsWordsWithSingleHyphens() {
        assertThat(Slugs.slugify("  Microsoft and OpenAI: Not -- Breaking Up!  ")).isEqualTo("microsoft-and-openai-not-breaking-up");
    }

    @Test
    void foldsAccentsAndTransliteratesLettersWithoutADecomposition() {
        assertThat(Slugs.slugify("Café Déjà Vu")).isEqualTo("cafe-deja-vu");
        assertThat(Slugs.slugify("Straße Æble Øresund Łódź Þing")).isEqualTo("strasse-aeble-oresund-lodz-thing");
    }

    @Test
    void anApostropheJoinsRatherThanSplits() {
        assertThat(Slugs.slugify("Microsoft\u2019s Bet and OpenAI's Cloud")).isEqualTo("microsofts-bet-and-openais-cloud");
    }

    @Test
    void isCutAtAWordBoundaryWithinEightyCharacters() {
        String slug = Slugs.slugify("Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice");
        assertThat(slug).isEqualTo("microsoft-and-openai-are-not-breaking-up-but-they-are-no-longer-one-company-in");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
    }

    @Test
    void aSingleWordLongerThanTheCapIsCutInside() {
        assertThat(Slugs.slugify("x".repeat(100))).hasSize(80);
    }

    @Test
    void aStorySlugIsNeverEmpty() {
        assertThat(Slugs.storySlug("人工知能の未来", "story-42")).isEqualTo("story-42");
        assertThat(Slugs.storySlug("!!!", "ART 7")).isEqualTo("art-7");
        assertThat(Slugs.storySlug("", "記事")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.storySlug("マイクロソフトとOpenAI、提携を見直し", "msft-ja-1")).isEqualTo("msft-ja-1");
        assertThat(Slugs.storySlug("Ein Gespräch über Ökonomie", "x")).isEqualTo("ein-gesprach-uber-okonomie");
        assertThat(Slugs.storySlug(null, null)).isEqualTo(Slugs.FALLBACK);
    }

    @Test
    void aSuffixKeepsTheSlugWithinTheCap() {
        assertThat(Slugs.withSuffix("same-headline", 2)).isEqualTo("same-headline-2");
        String longest = Slugs.slugify("Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice");
        String suffixed = Slugs.withSuffix(longest, 12);
        assertThat(suffixed).endsWith("-12").hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(suffixed).isEqualTo("microsoft-and-openai-are-not-breaking-up-but-they-are-no-longer-one-company-12");
    }

    @Test
    void aPathIsTheCategoryAndTheSlug() {
        assertThat(Slugs.path("AI", "some-story")).isEqualTo("/ai/some-story/");
        assertThat(Slugs.path("Open Source & Security", "x")).isEqualTo("/open-source-security/x/");
        assertThat(Slugs.path("", "some-story")).isEqualTo("/some-story/");
    }

    @Test
    void aStoryNeverTakesAPathTheSiteUsesForTagPagesImagesOrOlderPages() {
        assertThat(Slugs.path("Tags", "x")).isEqualTo("/tags-section/x/");
        assertThat(Slugs.path("Page", "2")).isEqualTo("/page-section/2/");
        assertThat(Slugs.path("", "page")).isEqualTo("/page-story/");
        assertThat(Slugs.path("Media", "x")).isEqualTo("/media-section/x/");
        assertThat(Slugs.path("", "tags")).isEqualTo("/tags-story/");
        assertThat(Slugs.path("Tag", "x")).isEqualTo("/tag/x/");
    }

    @Test
    void aStoryNeverTakesAPathUnderPreviews() {
        assertThat(Slugs.path("Preview", "x")).isEqualTo("/preview-section/x/");
        assertThat(Slugs.path("", "preview")).isEqualTo("/preview-story/");
    }

    @Test
    void aTagInAnotherScriptKeepsItsLetters() {
        assertThat(Slugs.tagSlug("Amazon Web Services")).isEqualTo("amazon-web-services");
        assertThat(Slugs.tagSlug("人工 知能")).isEqualTo("人工-知能");
    }
}
