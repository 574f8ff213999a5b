package org.galley.site.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import org.galley.site.ListedStory;
import org.junit.jupiter.api.Test;

class InvalidationPathsTest {

    private static final ListedStory STORY = story("a1").path("/ai/some-story/").tags("OpenAI:openai").listed();

    @Test
    void aNewStoryPurgesItsPageHomeItsSectionItsTagsEveryFeedAndBothSitemaps() {
        assertThat(InvalidationPaths.of(null, STORY, "/ai/some-story/")).containsExactly(
                "/ai/some-story/",
                "/", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml",
                "/ai/", "/ai/feed.xml", "/ai/atom.xml", "/ai/feed.json",
                "/tags/openai/", "/tags/openai/feed.xml", "/tags/openai/atom.xml", "/tags/openai/feed.json");
    }

    @Test
    void aCorrectionPurgesBothPathsAndTheSectionsAndTagsItLeftAndJoined() {
        ListedStory moved = story("a1").path("/science/some-story/").category("Science").tags("Physics:physics").listed();

        assertThat(InvalidationPaths.of(STORY, moved, "/science/some-story/"))
                .startsWith("/ai/some-story/", "/science/some-story/", "/")
                .contains("/ai/", "/ai/feed.json", "/science/", "/science/atom.xml",
                        "/tags/openai/", "/tags/openai/feed.xml", "/tags/physics/", "/tags/physics/feed.xml")
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnpublishPurgesThePageAndEveryListingItWasIn() {
        assertThat(InvalidationPaths.of(STORY, null, "/ai/some-story/"))
                .contains("/ai/some-story/", "/", "/feed.xml", "/sitemap.xml", "/news-sitemap.xml",
                        "/ai/", "/ai/feed.xml", "/tags/openai/", "/tags/openai/atom.xml")
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnpublishOfAStoryTheSiteNeverHadStillPurgesItsPathHomeAndSiteFeeds() {
        assertThat(InvalidationPaths.of(null, null, "/ai/gone/")).containsExactly(
                "/ai/gone/", "/", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml");
    }
}
