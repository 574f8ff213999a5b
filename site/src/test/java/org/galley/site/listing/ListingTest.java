package org.galley.site.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.util.List;

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
    void listingsAreNewestFirstAndTakeTheirNameFromTheNewestStory() {
        ListedStory older = story("old").category("Ai").publishedAt("2026-01-01T00:00:00Z").listed();
        ListedStory newer = story("new").category("AI").publishedAt("2026-02-01T00:00:00Z").listed();
        Listing ai = Listing.section("ai");

        List<ListedStory> selected = ai.select(List.of(older, newer));

        assertThat(selected).extracting(ListedStory::articleId).containsExactly("new", "old");
        assertThat(ai.name(SITE, selected)).isEqualTo("AI");
        assertThat(ai.title(SITE, selected)).isEqualTo("AI · Stack Digest");
        assertThat(Listing.tag("ai").name(SITE, selected)).isEqualTo("AI");
    }
}
