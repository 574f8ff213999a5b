package org.galley.site.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import java.time.Instant;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.galley.site.ListedStory;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private final Pagination pagination = new Pagination(3);

    @Test
    void aListingHasAsManyPagesAsItsStoriesFillAndAlwaysAFirstOne() {
        assertThat(pagination.pageCount(0)).isEqualTo(1);
        assertThat(pagination.pageCount(3)).isEqualTo(1);
        assertThat(pagination.pageCount(4)).isEqualTo(2);
        assertThat(pagination.pageCount(7)).isEqualTo(3);
        assertThatThrownBy(() -> new Pagination(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachPageHoldsThePageSizeNewestFirstAndLinksTheNewerAndOlderPages() {
        NavigableSet<ListedStory> stories = stories(7);

        List<ListingSlice> pages = pagination.pagesFrom(Listing.section("ai"), stories, 1);

        assertThat(pages).extracting(page -> page.stories().stream().map(ListedStory::articleId).toList())
                .containsExactly(List.of("s6", "s5", "s4"), List.of("s3", "s2", "s1"), List.of("s0"));
        assertThat(pages).extracting(ListingSlice::path).containsExactly("/ai/", "/ai/page/2/", "/ai/page/3/");
        assertThat(pages).extracting(ListingSlice::previousPath).containsExactly(null, "/ai/", "/ai/page/2/");
        assertThat(pages).extracting(ListingSlice::nextPath).containsExactly("/ai/page/2/", "/ai/page/3/", null);
        assertThat(pagination.pagesFrom(Listing.section("ai"), stories, 3)).singleElement()
                .satisfies(page -> assertThat(page.stories()).extracting(ListedStory::articleId).containsExactly("s0"));
    }

    @Test
    void everyStoryIsOnExactlyOnePage() {
        NavigableSet<ListedStory> stories = stories(10);

        List<ListedStory> listed = pagination.pagesFrom(Listing.HOME, stories, 1).stream()
                .flatMap(page -> page.stories().stream()).toList();

        assertThat(listed).containsExactlyElementsOf(stories);
    }

    @Test
    void aChangeAltersItsPageAndTheLaterOnesOnly() {
        NavigableSet<ListedStory> stories = stories(9);
        ListedStory fifth = stories.stream().skip(4).findFirst().orElseThrow();

        assertThat(pagination.firstChangedPage(stories, new Listings.Change(false, fifth, fifth), 3)).isEqualTo(2);
        assertThat(pagination.firstChangedPage(stories, new Listings.Change(false, stories.first(), stories.last()), 3))
                .isEqualTo(1);
        assertThat(pagination.firstChangedPage(stories, new Listings.Change(true, null, null), 3)).isEqualTo(1);
        assertThat(pagination.firstChangedPage(stories, new Listings.Change(false, fifth, fifth), 0))
                .as("nothing written yet").isEqualTo(1);
    }

    @Test
    void whenThePageCountChangesTheOldOrNewLastPageIsWrittenAgainForItsOlderLink() {
        NavigableSet<ListedStory> four = stories(4);
        ListedStory oldest = four.last();

        assertThat(pagination.firstChangedPage(four, new Listings.Change(false, oldest, oldest), 1))
                .as("a story added to a full last page gives it a next page").isEqualTo(1);
        NavigableSet<ListedStory> three = new TreeSet<>(four.headSet(oldest, false));
        assertThat(pagination.firstChangedPage(three, new Listings.Change(false, oldest, oldest), 2))
                .as("the only story of the last page removed").isEqualTo(1);
    }

    /** s0 (oldest) to s{n-1} (newest), a day apart, newest first. */
    private static NavigableSet<ListedStory> stories(int count) {
        NavigableSet<ListedStory> stories = new TreeSet<>(Listing.NEWEST_FIRST);
        for (int i = 0; i < count; i++) {
            stories.add(story("s" + i).publishedAt(Instant.parse("2026-04-01T00:00:00Z").plusSeconds(86_400L * i).toString())
                    .listed());
        }
        return stories;
    }
}
