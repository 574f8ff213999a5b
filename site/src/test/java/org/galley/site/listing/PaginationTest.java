package org.galley.site.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.galley.site.ListedStory;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private static final int S = 3;
    private static final Listing AI = Listing.section("ai");
    private static final Instant DAY_ONE = Instant.parse("2026-04-01T00:00:00Z");

    private final Pagination pagination = new Pagination(S);

    @Test
    void archivePagesAreOnlyEverFullSoTheNewestStoriesAreOnTheListingsOwnPage() {
        assertThat(List.of(0, 1, S, S + 1, 2 * S, 2 * S + 1, 3 * S))
                .extracting(pagination::archivePages).containsExactly(0, 0, 0, 1, 1, 2, 2);
        assertThatThrownBy(() -> new Pagination(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noStoryOrOnePageOfThemIsTheListingsOwnPageAlone() {
        for (int count : new int[] {0, 1, S}) {
            NavigableSet<ListedStory> stories = stories(count);

            ListingSlice own = pagination.newest(AI, stories);

            assertThat(own.stories()).as("%d stories", count).containsExactlyElementsOf(stories);
            assertThat(own.path()).isEqualTo("/ai/");
            assertThat(own.newerPath()).isNull();
            assertThat(own.olderPath()).isNull();
            assertThat(pagination.archive(AI, stories, 1, Integer.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void onePastAPageGivesArchivePageOneTheOldestPageSizeAndTheOwnPageStillTheNewest() {
        NavigableSet<ListedStory> stories = stories(S + 1);

        assertThat(ids(pagination.newest(AI, stories))).containsExactly("s3", "s2", "s1");
        assertThat(pagination.newest(AI, stories).olderPath()).isEqualTo("/ai/page/1/");
        ListingSlice first = single(pagination.archive(AI, stories, 1, 1));
        assertThat(ids(first)).containsExactly("s2", "s1", "s0");
        assertThat(first.path()).isEqualTo("/ai/page/1/");
        assertThat(first.newerPath()).as("the newest archive page leads back to the listing").isEqualTo("/ai/");
        assertThat(first.olderPath()).isNull();
    }

    @Test
    void twoPagesFullStillHaveOneArchivePageAndOneMoreStoryAddsTheSecond() {
        NavigableSet<ListedStory> two = stories(2 * S);
        assertThat(ids(pagination.newest(AI, two))).containsExactly("s5", "s4", "s3");
        assertThat(pagination.archive(AI, two, 1, 9)).singleElement()
                .satisfies(page -> assertThat(ids(page)).containsExactly("s2", "s1", "s0"));

        NavigableSet<ListedStory> more = stories(2 * S + 1);
        List<ListingSlice> archive = pagination.archive(AI, more, 1, 9);

        assertThat(ids(pagination.newest(AI, more))).containsExactly("s6", "s5", "s4");
        assertThat(pagination.newest(AI, more).olderPath()).isEqualTo("/ai/page/2/");
        assertThat(archive).extracting(PaginationTest::ids)
                .containsExactly(List.of("s2", "s1", "s0"), List.of("s5", "s4", "s3"));
        assertThat(archive).extracting(ListingSlice::path).containsExactly("/ai/page/1/", "/ai/page/2/");
        assertThat(archive).extracting(ListingSlice::newerPath).containsExactly("/ai/page/2/", "/ai/");
        assertThat(archive).extracting(ListingSlice::olderPath).containsExactly(null, "/ai/page/1/");
    }

    @Test
    void anArchivePageIsTheSameWhetherWalkedToFromTheNewestOrTheOldestEnd() {
        NavigableSet<ListedStory> stories = stories(10 * S + 2);

        List<ListingSlice> all = pagination.archive(AI, stories, 1, 10);

        assertThat(pagination.archive(AI, stories, 2, 2)).containsExactly(all.get(1));
        assertThat(pagination.archive(AI, stories, 9, 10)).containsExactly(all.get(8), all.get(9));
        assertThat(pagination.archive(AI, stories, 4, 6)).containsExactlyElementsOf(all.subList(3, 6));
    }

    @Test
    void everyStoryIsReachedByFollowingTheOlderLinksFromTheListingsOwnPageAndTheNewerLinksLeadBack() {
        for (int count = 0; count <= 4 * S + 1; count++) {
            NavigableSet<ListedStory> stories = stories(count);
            Map<String, ListingSlice> pages = new LinkedHashMap<>();
            ListingSlice own = pagination.newest(AI, stories);
            pages.put(own.path(), own);
            pagination.archive(AI, stories, 1, Integer.MAX_VALUE).forEach(page -> pages.put(page.path(), page));

            Set<ListedStory> reached = new HashSet<>();
            List<String> visited = new ArrayList<>();
            for (String path = own.path(); path != null; path = pages.get(path).olderPath()) {
                assertThat(pages).as("%d stories: %s is a page", count, path).containsKey(path);
                assertThat(visited).as("%d stories: no loop", count).doesNotContain(path);
                visited.add(path);
                reached.addAll(pages.get(path).stories());
            }
            for (String path = visited.get(visited.size() - 1); !path.equals(own.path()); path = pages.get(path).newerPath()) {
                assertThat(pages).as("%d stories: %s is a page", count, path).containsKey(path);
            }

            assertThat(reached).as("%d stories", count).containsExactlyInAnyOrderElementsOf(stories);
            assertThat(visited).as("%d stories: every page is on the way", count).hasSameSizeAs(pages.keySet());
            assertThat(pages.values()).filteredOn(ListingSlice::archive).as("%d stories", count)
                    .allSatisfy(page -> assertThat(page.stories()).hasSize(S));
        }
    }

    @Test
    void aNewestStoryChangesOnlyTheListingsOwnPageUntilItStartsANewArchivePage() {
        assertThat(afterChange(2 * S + 1, listings -> listings.publish(at("new", 100))))
                .as("archive pages 1 and 2 stay").containsExactly("/ai/");
        assertThat(afterChange(2 * S, listings -> listings.publish(at("new", 100))))
                .as("page 2 is new, and page 1's newer link now leads to it").containsExactly("/ai/", "/ai/page/1/", "/ai/page/2/");
        assertThat(afterChange(S, listings -> listings.publish(at("new", 100)))).containsExactly("/ai/", "/ai/page/1/");
        assertThat(afterChange(0, listings -> listings.publish(at("new", 100)))).containsExactly("/ai/");
    }

    @Test
    void anOldStoryInsertedChangesItsArchivePageAndTheLaterOnesButNotTheEarlierOnes() {
        // s0 to s10: archive pages 1 (s0-s2), 2 (s3-s5), 3 (s6-s8); the own page s8-s10. "late" goes between s4 and s5.
        assertThat(afterChange(11, listings -> listings.publish(at("late", 9))))
                .as("the own page keeps the newest three").containsExactly("/ai/page/2/", "/ai/page/3/");
        assertThat(afterChange(10, listings -> listings.publish(at("late", 9))))
                .as("ten stories become eleven: no new page").containsExactly("/ai/page/2/", "/ai/page/3/");
        assertThat(afterChange(9, listings -> listings.publish(at("late", 9))))
                .as("nine stories become ten: page 3 is new").containsExactly("/ai/", "/ai/page/2/", "/ai/page/3/");
    }

    @Test
    void aStoryCorrectedWhereItStandsChangesOnlyThePageItIsOn() {
        assertThat(afterChange(11, listings -> listings.publish(corrected(4)))).containsExactly("/ai/page/2/");
        assertThat(afterChange(11, listings -> listings.publish(corrected(9)))).as("on the own page only")
                .containsExactly("/ai/");
        assertThat(afterChange(11, listings -> listings.publish(corrected(8)))).as("on archive page 3 and the own page")
                .containsExactly("/ai/", "/ai/page/3/");
    }

    @Test
    void aRemovedStoryChangesItsPageAndTheLaterOnesAndALastPageThatGoesIsDeleted() {
        assertThat(afterChange(11, listings -> listings.unpublish("s4", DAY_ONE)))
                .containsExactly("/ai/page/2/", "/ai/page/3/");
        assertThat(afterChange(10, listings -> listings.unpublish("s4", DAY_ONE)))
                .as("page 3 goes, page 2 is the newest archive page now")
                .containsExactly("/ai/", "/ai/page/2/", "deleted /ai/page/3/");
        assertThat(afterChange(7, listings -> listings.unpublish("s6", DAY_ONE)))
                .as("the newest story goes").containsExactly("/ai/", "/ai/page/1/", "deleted /ai/page/2/");
        assertThat(afterChange(S + 1, listings -> listings.unpublish("s0", DAY_ONE)))
                .containsExactly("/ai/", "deleted /ai/page/1/");
    }

    @Test
    void pagesNotWrittenYetAreAllWritten() {
        Pagination.PageChanges changes = pagination.changedPages(Pagination.NOT_WRITTEN, 10,
                new Pagination.Touched(0, 9, true, false));

        assertThat(changes).isEqualTo(new Pagination.PageChanges(true, 1, 3, 3, 0));
        assertThat(pagination.changedPages(10, 10, Pagination.Touched.WHOLE))
                .isEqualTo(new Pagination.PageChanges(true, 1, 3, 3, 3));
    }

    @Test
    void exactlyThePagesWhoseStoriesOrLinksChangedAreWrittenForAnySingleChange() {
        for (int count = 0; count <= 3 * S + 1; count++) {
            for (int day = 0; day <= count; day++) {
                int at = day;
                assertExact(count, "insert at " + at, listings -> listings.publish(at("new", 2L * at - 1)));
                if (at < count) {
                    assertExact(count, "remove s" + at, listings -> listings.unpublish("s" + at, DAY_ONE));
                    assertExact(count, "correct s" + at, listings -> listings.publish(corrected(at)));
                }
            }
        }
    }

    @Test
    void everyPageWhoseStoriesOrLinksChangedIsWrittenOrDeletedForManyChangesInOneFlush() {
        Random random = new Random(20260421);
        for (int round = 0; round < 400; round++) {
            int count = random.nextInt(4 * S);
            int changes = 1 + random.nextInt(4);
            Consumer<Listings> flush = listings -> {
                for (int i = 0; i < changes; i++) {
                    List<ListedStory> live = new ArrayList<>(listings.stories(AI));
                    int kind = live.isEmpty() ? 0 : random.nextInt(3);
                    if (kind == 0) {
                        listings.publish(at("new" + i, random.nextInt(2 * count + 10) - 5));
                    } else {
                        ListedStory story = live.get(random.nextInt(live.size()));
                        if (kind == 1) {
                            listings.unpublish(story.articleId(), DAY_ONE);
                        } else {
                            listings.publish(corrected(story));
                        }
                    }
                }
            };
            Result result = change(count, flush);
            assertThat(result.written).as("round %d: %d stories, %d changes", round, count, changes)
                    .containsAll(result.changed);
            assertThat(result.deleted).as("round %d", round).containsAll(result.gone);
        }
    }

    private void assertExact(int count, String what, Consumer<Listings> change) {
        Result result = change(count, change);
        assertThat(result.written).as("%d stories, %s", count, what).containsExactlyInAnyOrderElementsOf(result.changed);
        assertThat(result.deleted).as("%d stories, %s", count, what).containsExactlyInAnyOrderElementsOf(result.gone);
    }

    /** The pages written (and "deleted ..." those removed) after {@code change} to a listing of s0 to s{count-1}. */
    private List<String> afterChange(int count, Consumer<Listings> change) {
        Result result = change(count, change);
        assertThat(result.written).containsAll(result.changed);
        List<String> pages = new ArrayList<>(result.written);
        result.deleted.forEach(path -> pages.add("deleted " + path));
        return pages;
    }

    private record Result(Set<String> written, Set<String> deleted, Set<String> changed, Set<String> gone) {
    }

    /**
     * Applies {@code change} to a listing of s0 to s{count-1} whose pages were written, and compares what
     * {@link Pagination#changedPages} writes and deletes with the pages whose stories or links really changed.
     */
    private Result change(int count, Consumer<Listings> change) {
        Listings listings = new Listings();
        stories(count).forEach(listings::publish);
        listings.takeChanges();
        Map<String, List<Object>> before = pages(listings.stories(AI));
        int storiesBefore = listings.stories(AI).size();

        change.accept(listings);
        Listings.Change changed = listings.takeChanges().get(AI);
        NavigableSet<ListedStory> stories = listings.stories(AI);
        Map<String, List<Object>> after = pages(stories);

        Set<String> written = new TreeSet<>();
        Set<String> deleted = new TreeSet<>();
        if (changed != null) {
            Pagination.PageChanges pages = pagination.changedPages(storiesBefore, stories.size(),
                    Pagination.Touched.of(listings, AI, changed));
            if (pages.ownPage()) {
                written.add(AI.path());
            }
            pagination.archive(AI, stories, pages.first(), pages.last()).forEach(page -> written.add(page.path()));
            assertThat(written).as("archive pages written").hasSize((pages.ownPage() ? 1 : 0) + pages.written());
            for (int number = pages.archivePages() + 1; number <= pages.archivePagesBefore(); number++) {
                deleted.add(AI.archivePath(number));
            }
        }
        Set<String> really = new TreeSet<>();
        after.forEach((path, page) -> {
            if (!page.equals(before.get(path))) {
                really.add(path);
            }
        });
        Set<String> gone = new TreeSet<>(before.keySet());
        gone.removeAll(after.keySet());
        return new Result(written, deleted, really, gone);
    }

    /** Each page's path with what it shows: its stories and its links. */
    private Map<String, List<Object>> pages(NavigableSet<ListedStory> stories) {
        Map<String, List<Object>> pages = new LinkedHashMap<>();
        List<ListingSlice> all = new ArrayList<>(pagination.archive(AI, stories, 1, Integer.MAX_VALUE));
        all.add(pagination.newest(AI, stories));
        for (ListingSlice page : all) {
            pages.put(page.path(), Arrays.asList(page.stories(), page.newerPath(), page.olderPath()));
        }
        return pages;
    }

    private static ListingSlice single(List<ListingSlice> pages) {
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    private static List<String> ids(ListingSlice page) {
        return page.stories().stream().map(ListedStory::articleId).toList();
    }

    /** s0 (oldest) to s{n-1} (newest), two days apart, newest first. */
    private static NavigableSet<ListedStory> stories(int count) {
        NavigableSet<ListedStory> stories = new TreeSet<>(Listing.NEWEST_FIRST);
        for (int i = 0; i < count; i++) {
            stories.add(at("s" + i, 2L * i));
        }
        return stories;
    }

    /** A story in section ai published {@code halfDays} half days after day one (s{i} is at 2i). */
    private static ListedStory at(String id, long halfDays) {
        return story(id).publishedAt(DAY_ONE.plusSeconds(43_200L * halfDays).toString()).listed();
    }

    private static ListedStory corrected(int i) {
        return corrected(at("s" + i, 2L * i));
    }

    private static ListedStory corrected(ListedStory story) {
        return story(story.articleId()).revision(story.revision() + 1).headline(story.headline() + ", corrected")
                .publishedAt(story.publishedAt().toString()).listed();
    }
}
