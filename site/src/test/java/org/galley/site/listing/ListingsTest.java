package org.galley.site.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.time.Instant;
import java.util.Map;

import org.galley.site.ListedStory;
import org.junit.jupiter.api.Test;

class ListingsTest {

    private static final Listing AI = Listing.section("ai");
    private static final Listing OPENAI = Listing.tag("openai");

    private final Listings listings = new Listings();

    @Test
    void aPublishedStoryJoinsHomeItsSectionAndItsTagsNewestFirst() {
        listings.takeChanges();
        ListedStory older = story("old").tags("OpenAI:openai").publishedAt("2026-04-01T00:00:00Z").listed();
        ListedStory newer = story("new").tags("OpenAI:openai").publishedAt("2026-04-02T00:00:00Z").listed();

        listings.publish(older);
        listings.publish(newer);

        for (Listing listing : new Listing[] {Listing.HOME, AI, OPENAI}) {
            assertThat(listings.stories(listing)).as(listing.path()).extracting(ListedStory::articleId)
                    .containsExactly("new", "old");
        }
        assertThat(listings.newest(AI)).isEqualTo(newer);
        assertThat(listings.all()).containsExactly(Listing.HOME, AI, OPENAI);
        Map<Listing, Listings.Change> changes = listings.takeChanges();
        assertThat(changes).containsOnlyKeys(Listing.HOME, AI, OPENAI);
        assertThat(changes.values()).allSatisfy(change -> {
            assertThat(change.whole()).isFalse();
            assertThat(change.newest()).isEqualTo(newer);
            assertThat(change.oldest()).isEqualTo(older);
        });
    }

    @Test
    void aCorrectionThatMovesTheStoryLeavesItsOldSectionAndTagsWhichLastChangedWhenItWasCorrected() {
        listings.publish(story("a1").tags("OpenAI:openai").listed());
        listings.takeChanges();

        ListedStory moved = story("a1").revision(2).path("/science/a1/").category("Science").tags("Physics:physics")
                .updatedAt("2026-04-21T12:00:00Z").listed();
        ListedStory before = listings.publish(moved);

        assertThat(before.path()).isEqualTo("/ai/a1/");
        assertThat(listings.stories(AI)).isEmpty();
        assertThat(listings.stories(OPENAI)).isEmpty();
        assertThat(listings.stories(Listing.section("science"))).containsExactly(moved);
        assertThat(listings.stories(Listing.tag("physics"))).containsExactly(moved);
        assertThat(listings.stories(Listing.HOME)).containsExactly(moved);
        assertThat(listings.all()).containsExactly(Listing.HOME, Listing.section("science"), Listing.tag("physics"));
        assertThat(listings.takeChanges()).containsOnlyKeys(Listing.HOME, AI, Listing.section("science"), OPENAI,
                Listing.tag("physics"));
        assertThat(listings.updated(OPENAI)).isEqualTo(Instant.parse("2026-04-21T12:00:00Z"));
    }

    @Test
    void anUnpublishedStoryLeavesEveryListingWhichLastChangedWhenItWasTakenDown() {
        listings.publish(story("stays").publishedAt("2026-04-20T09:00:00Z").listed());
        listings.publish(story("goes").tags("OpenAI:openai").listed());

        listings.unpublish("goes", Instant.parse("2026-04-22T00:00:00Z"));

        assertThat(listings.stories(Listing.HOME)).extracting(ListedStory::articleId).containsExactly("stays");
        assertThat(listings.stories(OPENAI)).isEmpty();
        assertThat(listings.get("goes")).isNull();
        assertThat(listings.updated(Listing.HOME)).isEqualTo(Instant.parse("2026-04-22T00:00:00Z"));
        assertThat(listings.updated(OPENAI)).isEqualTo(Instant.parse("2026-04-22T00:00:00Z"));
    }

    @Test
    void aListingLastChangedWithItsLatestStoryUpdateWhicheverStoryThatIs() {
        listings.publish(story("old").publishedAt("2026-04-01T00:00:00Z").updatedAt("2026-04-10T00:00:00Z").listed());
        listings.publish(story("new").publishedAt("2026-04-05T00:00:00Z").listed());

        assertThat(listings.updated(AI)).isEqualTo(Instant.parse("2026-04-10T00:00:00Z"));
        listings.publish(story("old").revision(2).publishedAt("2026-04-01T00:00:00Z").listed());
        assertThat(listings.updated(AI)).isEqualTo(Instant.parse("2026-04-05T00:00:00Z"));
        assertThat(listings.updated(Listing.tag("nothing"))).isEqualTo(Instant.EPOCH);
    }

    @Test
    void theSameStoryPublishedAgainWithOnlyItsPageChangedChangesNoListing() {
        listings.publish(story("a1").listed());
        listings.takeChanges();

        listings.publish(story("a1").listed());

        assertThat(listings.takeChanges()).isEmpty();
    }

    @Test
    void aChangeCoversEveryStoryBetweenTheNewestAndOldestItTouched() {
        listings.publish(story("a").publishedAt("2026-04-01T00:00:00Z").listed());
        listings.publish(story("b").publishedAt("2026-04-02T00:00:00Z").listed());
        listings.publish(story("c").publishedAt("2026-04-03T00:00:00Z").listed());
        listings.takeChanges();

        listings.unpublish("b", Instant.parse("2026-04-04T00:00:00Z"));
        listings.publish(story("a").revision(2).headline("A, corrected").publishedAt("2026-04-01T00:00:00Z").listed());

        Listings.Change change = listings.takeChanges().get(AI);
        assertThat(change.whole()).isFalse();
        assertThat(change.newest().articleId()).isEqualTo("b");
        assertThat(change.oldest().articleId()).isEqualTo("a");
    }

    @Test
    void aStoryChangedWhereItStandsMovesNoOtherStoryButOneThatJoinsLeavesOrIsRedatedDoes() {
        listings.publish(story("a").tags("OpenAI:openai").publishedAt("2026-04-01T00:00:00Z").listed());
        listings.takeChanges();

        listings.publish(story("a").revision(2).headline("A, corrected").tags("OpenAI:openai")
                .publishedAt("2026-04-01T00:00:00Z").listed());
        assertThat(listings.takeChanges().values()).allSatisfy(change -> assertThat(change.moved()).isFalse());

        listings.publish(story("a").revision(3).headline("A, corrected").tags("Chips:chips")
                .publishedAt("2026-04-01T00:00:00Z").listed());
        Map<Listing, Listings.Change> retagged = listings.takeChanges();
        assertThat(retagged.get(Listing.HOME).moved()).isFalse();
        assertThat(retagged.get(OPENAI).moved()).as("it left").isTrue();
        assertThat(retagged.get(Listing.tag("chips")).moved()).as("it joined").isTrue();

        listings.publish(story("a").revision(4).tags("Chips:chips").publishedAt("2026-04-02T00:00:00Z").listed());
        assertThat(listings.takeChanges().get(Listing.HOME).moved()).as("redated").isTrue();
        listings.publish(story("b").publishedAt("2026-04-03T00:00:00Z").listed());
        assertThat(listings.takeChanges().get(AI).moved()).isTrue();
    }

    @Test
    void aStoryIsPositionedByHowManyOlderAndNewerStoriesTheListingHasWhetherOrNotItIsListed() {
        for (int day = 1; day <= 9; day++) {
            listings.publish(story("s" + day).publishedAt("2026-04-0" + day + "T00:00:00Z").listed());
        }

        assertThat(listings.olderThan(AI, listings.get("s1"))).isZero();
        assertThat(listings.olderThan(AI, listings.get("s3"))).isEqualTo(2);
        assertThat(listings.olderThan(AI, listings.get("s8"))).isEqualTo(7);
        assertThat(listings.olderThan(AI, listings.get("s9"))).isEqualTo(8);
        assertThat(listings.olderThan(AI, story("x").publishedAt("2026-04-05T12:00:00Z").listed())).isEqualTo(5);
        assertThat(listings.olderThan(AI, story("y").publishedAt("2026-05-01T00:00:00Z").listed())).isEqualTo(9);
        assertThat(listings.olderThan(AI, story("z").publishedAt("2026-03-01T00:00:00Z").listed())).isZero();
        assertThat(listings.olderThan(Listing.tag("nothing"), listings.get("s3"))).isZero();
        assertThat(listings.newerThan(AI, listings.get("s3"))).isEqualTo(6);
        assertThat(listings.newerThan(AI, listings.get("s9"))).isZero();
        assertThat(listings.newerThan(AI, story("x").publishedAt("2026-04-05T12:00:00Z").listed())).isEqualTo(4);
    }

    @Test
    void homeIsAlwaysThereAndWholeAtFirst() {
        assertThat(listings.all()).containsExactly(Listing.HOME);
        assertThat(listings.takeChanges()).containsOnlyKeys(Listing.HOME)
                .hasEntrySatisfying(Listing.HOME, change -> assertThat(change.whole()).isTrue());
        assertThat(listings.takeChanges()).isEmpty();
    }
}
