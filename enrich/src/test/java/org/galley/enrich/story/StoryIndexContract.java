package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.galley.enrich.related.Listing;
import org.galley.enrich.related.Position;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.tags.StoryTag;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoryIndex} must answer alike: the state-store index the service runs and the in-memory one the
 * other tests use. A subclass supplies a fresh, empty index for each test.
 */
public abstract class StoryIndexContract {

    protected static final Instant DAY = Instant.parse("2026-04-01T00:00:00Z");

    protected abstract StoryIndex index();

    protected static StorySummary story(String id, Instant at, String... tags) {
        return new StorySummary(id, "Headline of " + id, id, "/news/" + id + "/",
                Arrays.stream(tags).map(StoryTag::named).toList(), at, true);
    }

    protected static Instant day(int n) {
        return DAY.plusSeconds(n * 86_400L);
    }

    private StorySummary listed(String id, Instant at, String... tags) {
        StorySummary story = story(id, at, tags);
        index().put(story);
        index().list(story);
        return story;
    }

    private static List<String> ids(List<Listing> listings) {
        return listings.stream().map(Listing::articleId).toList();
    }

    private static List<String> idsOf(List<Position> positions) {
        return positions.stream().map(Position::articleId).toList();
    }

    @Test
    void aSummaryASlugClaimAndADraftAreReadBackAsStored() {
        StorySummary story = story("claude", day(1), "AI", "Claude");
        index().put(story);
        index().claimSlug("claude-goes-to-work", "claude");
        index().putDraft(Drafts.publish("claude", 2, "Claude Goes to Work", day(1), "AI"));

        assertThat(index().story("claude")).contains(story);
        assertThat(index().story("other")).isEmpty();
        assertThat(index().slugOwner("claude-goes-to-work")).contains("claude");
        assertThat(index().slugOwner("other")).isEmpty();
        assertThat(index().draft("claude")).hasValueSatisfying(draft -> {
            assertThat(draft.getSubmission().getRevision()).isEqualTo(2);
            assertThat(draft.getSubmission().getHeadline()).isEqualTo("Claude Goes to Work");
        });

        index().removeDraft("claude");
        assertThat(index().draft("claude")).isEmpty();
    }

    @Test
    void earlierInATagAreTheLatestListedBeforeThePositionNewestFirst() {
        listed("a", day(1), "AI");
        listed("b", day(2), "AI", "Rust");
        listed("c", day(3), "AI");
        listed("rust-only", day(4), "Rust");
        StorySummary current = listed("current", day(5), "AI");
        listed("later", day(6), "AI");

        assertThat(ids(index().earlierInTag("ai", current.position(), 2))).containsExactly("c", "b");
        assertThat(ids(index().earlierInTag("ai", current.position(), 10))).containsExactly("c", "b", "a");
        assertThat(index().earlierInTag("ai", current.position(), 10).get(1))
                .isEqualTo(new Listing(new Position(day(2), "b"), List.of("ai", "rust")));
    }

    @Test
    void laterInATagAreTheFirstListedAfterThePositionOldestFirst() {
        StorySummary current = listed("current", day(1), "AI");
        listed("c", day(4), "AI");
        listed("a", day(2), "AI");
        listed("b", day(3), "AI");
        listed("earlier", day(0), "AI");

        assertThat(ids(index().laterInTag("ai", current.position(), 2))).containsExactly("a", "b");
        assertThat(ids(index().laterInTag("ai", current.position(), 10))).containsExactly("a", "b", "c");
    }

    @Test
    void aPositionNobodyHoldsStillSplitsTheListings() {
        listed("a", day(1), "AI");
        listed("b", day(3), "AI");
        Position between = new Position(day(2), "unlisted");

        assertThat(ids(index().earlierInTag("ai", between, 5))).containsExactly("a");
        assertThat(ids(index().laterInTag("ai", between, 5))).containsExactly("b");
        assertThat(idsOf(index().earlier(between, 5))).containsExactly("a");
        assertThat(idsOf(index().later(between, 5))).containsExactly("b");
    }

    @Test
    void aTagsListingsNeverIncludeThoseOfATagItIsAPrefixOf() {
        StorySummary current = listed("current", day(5), "AI");
        listed("safety", day(1), "AI Safety");
        listed("safety-later", day(9), "AI Safety");
        listed("a", day(2), "A");

        assertThat(ids(index().earlierInTag("ai", current.position(), 10))).isEmpty();
        assertThat(ids(index().laterInTag("ai", current.position(), 10))).isEmpty();
        assertThat(ids(index().earlierInTag("ai-safety", current.position(), 10))).containsExactly("safety");
        assertThat(ids(index().laterInTag("ai-safety", current.position(), 10))).containsExactly("safety-later");
        assertThat(ids(index().earlierInTag("a", current.position(), 10))).containsExactly("a");
        assertThat(ids(index().earlierInTag("nothing", current.position(), 10))).isEmpty();
    }

    @Test
    void theTimelineListsEveryStoryWhateverItsTags() {
        listed("a", day(1), "AI");
        listed("b", day(2), "Rust");
        StorySummary current = listed("current", day(3), "Go");
        listed("c", day(4), "AI");
        listed("d", day(5), "Security");

        assertThat(idsOf(index().earlier(current.position(), 5))).containsExactly("b", "a");
        assertThat(idsOf(index().earlier(current.position(), 1))).containsExactly("b");
        assertThat(idsOf(index().later(current.position(), 5))).containsExactly("c", "d");
        assertThat(idsOf(index().later(current.position(), 1))).containsExactly("c");
    }

    @Test
    void anUnlistedStoryIsInNoListingAndARelistedOneOnlyUnderItsNewTags() {
        StorySummary first = listed("current", day(5), "AI");
        StorySummary moved = listed("moved", day(1), "AI", "Rust");

        index().unlist(moved);
        StorySummary retagged = story("moved", day(1), "Rust", "Go");
        index().list(retagged);

        assertThat(ids(index().earlierInTag("ai", first.position(), 10))).isEmpty();
        assertThat(index().earlierInTag("rust", first.position(), 10))
                .containsExactly(new Listing(moved.position(), List.of("rust", "go")));
        assertThat(ids(index().earlierInTag("go", first.position(), 10))).containsExactly("moved");

        index().unlist(retagged);
        assertThat(idsOf(index().earlier(first.position(), 10))).isEmpty();
        assertThat(ids(index().earlierInTag("rust", first.position(), 10))).isEmpty();
    }

    @Test
    void storiesAtOneMomentFollowTheirIdsByCodePointAndOldDatesSortFirst() {
        Instant moment = day(2);
        listed("\uD83D\uDE00", moment, "AI");
        listed("\uFF21", moment, "AI");
        listed("b", moment, "AI");
        listed("a", moment, "AI");
        listed("before-1970", Instant.parse("1969-07-20T20:17:40Z"), "AI");
        listed("nanos", moment.plusNanos(1), "AI");
        Position end = new Position(day(10), "end");

        assertThat(ids(index().earlierInTag("ai", end, 10)))
                .containsExactly("nanos", "\uD83D\uDE00", "\uFF21", "b", "a", "before-1970");
        assertThat(idsOf(index().later(new Position(moment, "a"), 10)))
                .containsExactly("b", "\uFF21", "\uD83D\uDE00", "nanos");
    }
}
