package org.galley.site.listing;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.galley.site.ListedStory;

/**
 * Which live stories each listing holds, newest first, kept up to date one story change at a time: a change
 * touches only the listings the story was in and is in, never every story. It also remembers, per listing,
 * what changed since {@link #takeChanges()} last asked, so only those listings (and, within them, only the
 * pages the changed stories are or were on, and any after them that moved along) are rendered again.
 *
 * <p>Everything here is a function of each story's last state, except when a listing last lost a story,
 * which is the latest such loss; so the same events give the same listings whatever order they arrive in.
 */
public final class Listings {

    private final Map<String, ListedStory> live = new HashMap<>();
    private final Map<Listing, Members> members = new TreeMap<>();
    private final Map<Listing, Instant> lastLoss = new HashMap<>();
    private final Map<Listing, Change> changes = new TreeMap<>();

    public Listings() {
        members.put(Listing.HOME, new Members());
        changes.put(Listing.HOME, Change.WHOLE);
    }

    /** The story as it is live now, or null. */
    public ListedStory get(String articleId) {
        return live.get(articleId);
    }

    /**
     * Makes {@code story} the live state of its article; returns what was live before (or null). A listing it
     * leaves (a correction moved it) counts as changed at the corrected story's {@code updatedAt}.
     */
    public ListedStory publish(ListedStory story) {
        ListedStory before = live.put(story.articleId(), story);
        change(before, story, story.updatedAt());
        return before;
    }

    /** Takes the article down at {@code at}, the time of the event; returns what was live before (or null). */
    public ListedStory unpublish(String articleId, Instant at) {
        ListedStory before = live.remove(articleId);
        change(before, null, at);
        return before;
    }

    /** Its live stories, newest first (a read-only view; empty when it has none). */
    public NavigableSet<ListedStory> stories(Listing listing) {
        Members found = members.get(listing);
        return found == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(found.newestFirst);
    }

    /**
     * How many of its live stories are older than {@code story} (listed or not): a listed story's position
     * counting from the oldest, from 0. It counts from whichever end of the listing is nearer, so a story among
     * the newest or the oldest costs only a few steps.
     */
    public int olderThan(Listing listing, ListedStory story) {
        NavigableSet<ListedStory> stories = stories(listing);
        if (stories.isEmpty()) {
            return 0;
        }
        Iterator<ListedStory> newer = stories.headSet(story, false).iterator();
        Iterator<ListedStory> older = stories.tailSet(story, false).iterator();
        for (int steps = 0; ; steps++) {
            if (!older.hasNext()) {
                return steps;
            }
            if (!newer.hasNext()) {
                return stories.size() - steps - (stories.contains(story) ? 1 : 0);
            }
            older.next();
            newer.next();
        }
    }

    /** How many of its live stories are newer than {@code story} (listed or not), counted as {@link #olderThan} does. */
    public int newerThan(Listing listing, ListedStory story) {
        NavigableSet<ListedStory> stories = stories(listing);
        return stories.isEmpty() ? 0 : stories.size() - olderThan(listing, story) - (stories.contains(story) ? 1 : 0);
    }

    /** Its newest live story, or null. */
    public ListedStory newest(Listing listing) {
        NavigableSet<ListedStory> stories = stories(listing);
        return stories.isEmpty() ? null : stories.first();
    }

    /** Every listing with a live story, and home, in {@link Listing}'s order (home, sections, tags). */
    public Set<Listing> all() {
        return Collections.unmodifiableSet(members.keySet());
    }

    /**
     * When it last changed: its latest story update, or a later time it lost a story, so a feed reader sees
     * a listing change when a story leaves it; {@link Instant#EPOCH} for a listing that never had one.
     */
    public Instant updated(Listing listing) {
        Members found = members.get(listing);
        Instant newest = found == null || found.updates.isEmpty() ? Instant.EPOCH : found.updates.lastKey();
        Instant lost = lastLoss.get(listing);
        return lost != null && lost.isAfter(newest) ? lost : newest;
    }

    /** The listings changed since the last call (home first, then sections and tags), and what changed in each. */
    public Map<Listing, Change> takeChanges() {
        Map<Listing, Change> taken = new TreeMap<>(changes);
        changes.clear();
        return taken;
    }

    /** Gives back changes taken by {@link #takeChanges()} that could not be written, so the next call returns them again. */
    public void putBack(Map<Listing, Change> taken) {
        taken.forEach((listing, change) -> changes.merge(listing, change, Change::merge));
    }

    private void change(ListedStory before, ListedStory after, Instant lossTime) {
        if (Objects.equals(before, after)) {
            return;
        }
        Set<Listing> was = before == null ? Set.of() : Listing.of(before);
        Set<Listing> now = after == null ? Set.of() : Listing.of(after);
        // A story changed where it stands (same publication time) moves no other story along.
        boolean samePlace = before != null && after != null && Listing.NEWEST_FIRST.compare(before, after) == 0;
        for (Listing listing : was) {
            Members held = members.get(listing);
            held.remove(before);
            if (held.newestFirst.isEmpty() && listing.kind() != Listing.Kind.HOME) {
                members.remove(listing);
            }
            if (!now.contains(listing)) {
                lastLoss.merge(listing, lossTime, (known, at) -> at.isAfter(known) ? at : known);
            }
            changes.merge(listing, Change.at(before, !(samePlace && now.contains(listing))), Change::merge);
        }
        for (Listing listing : now) {
            members.computeIfAbsent(listing, key -> new Members()).add(after);
            changes.merge(listing, Change.at(after, !(samePlace && was.contains(listing))), Change::merge);
        }
    }

    /**
     * What changed in one listing: every story between {@code newest} and {@code oldest} (in the listing's
     * order) may have been added, removed or changed; when {@code moved}, a story joined or left it (or changed
     * its publication time), so every newer story may have moved one place along; or the whole listing.
     */
    public record Change(boolean whole, ListedStory newest, ListedStory oldest, boolean moved) {

        static final Change WHOLE = new Change(true, null, null, true);

        static Change at(ListedStory story, boolean moved) {
            return new Change(false, story, story, moved);
        }

        Change merge(Change other) {
            if (whole || other.whole) {
                return WHOLE;
            }
            return new Change(false,
                    Listing.NEWEST_FIRST.compare(other.newest, newest) < 0 ? other.newest : newest,
                    Listing.NEWEST_FIRST.compare(other.oldest, oldest) > 0 ? other.oldest : oldest,
                    moved || other.moved);
        }
    }

    /** One listing's stories, and how many of them were last updated at each instant (for its latest update). */
    private static final class Members {
        final TreeSet<ListedStory> newestFirst = new TreeSet<>(Listing.NEWEST_FIRST);
        final TreeMap<Instant, Integer> updates = new TreeMap<>();

        void add(ListedStory story) {
            newestFirst.add(story);
            updates.merge(story.updatedAt(), 1, Integer::sum);
        }

        void remove(ListedStory story) {
            newestFirst.remove(story);
            updates.computeIfPresent(story.updatedAt(), (at, count) -> count == 1 ? null : count - 1);
        }
    }
}
