package org.galley.site.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import org.galley.runtime.SiteSettings;
import org.galley.site.ListedStory;
import org.junit.jupiter.api.Test;

class ListingTest {

    private static final SiteSettings SITE = SiteSettings.stackDigest();

    @Test
    void aStoryIsListedOnHomeInTheSectionOfItsFirstPathSegmentAndUnderEachTag() {
        ListedStory listed = story("a1").path("/ai/some-story/").tags("OpenAI:openai", "Microsoft:microsoft").listed();

        assertThat(listed.section()).isEqualTo("ai");
        assertThat(Listing.of(listed)).extracting(Listing::path)
                .containsExactly("/", "/ai/", "/tags/openai/", "/tags/microsoft/");
    }

    @Test
    void aPageAtTheTopLevelHasNoSectionAndATagWhoseSlugCouldLeaveItsFolderIsNotListed() {
        ListedStory listed = story("a1").path("/lonely-story/").tags("Dots:..", "Slash:a/b", "Fine:fine").listed();

        assertThat(listed.section()).isNull();
        assertThat(Listing.of(listed)).extracting(Listing::path).containsExactly("/", "/tags/fine/");
    }

    @Test
    void aSectionOrTagPageIsNamedByItsNewestStoryAndBySlugWhenItHasNone() {
        ListedStory newest = story("new").category("AI").listed();
        Listing ai = Listing.section("ai");

        assertThat(ai.name(SITE, newest)).isEqualTo("AI");
        assertThat(ai.title(SITE, newest)).isEqualTo("AI · Stack Digest");
        assertThat(Listing.tag("ai").name(SITE, newest)).isEqualTo("AI");
        assertThat(ai.name(SITE, null)).isEqualTo("ai");
        assertThat(Listing.HOME.title(SITE, null)).isEqualTo("Stack Digest");
    }

    @Test
    void archivePagesLiveInPageFoldersBelowTheListingCountedFromOne() {
        assertThat(Listing.HOME.archivePath(1)).isEqualTo("/page/1/");
        assertThat(Listing.HOME.archivePath(2)).isEqualTo("/page/2/");
        assertThat(Listing.section("ai").archivePath(3)).isEqualTo("/ai/page/3/");
        assertThat(Listing.tag("openai").archivePath(2)).isEqualTo("/tags/openai/page/2/");
        assertThatThrownBy(() -> Listing.HOME.archivePath(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
