package org.galley.site.listing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;

import org.galley.site.ListedStory;

/**
 * How a listing's stories fall into pages of {@code pageSize} (S), and which pages a change alters.
 *
 * <p>Of n stories, at positions 0 to n-1 counting from the oldest, the listing's own page shows the newest S.
 * Archive pages count from the oldest: archive page k (from 1) holds the S stories at positions
 * [(k-1)S, kS), newest first, and there are A = (n-1)/S of them (none while n &lt;= S). So every archive page
 * is full, the listing's own page and archive page A together hold the newest stories (they may share some),
 * and an archive page's stories change only when a story joins, leaves or changes at or before its range.
 * A new story changes the listing's own page and, once every S stories, adds an archive page; it never
 * changes the pages already there, so a CDN can keep them.
 *
 * <p>{@link #changedPages} says which pages one flush must write: the listing's own page when a story among
 * its newest S changed or A changed; the archive pages from the one holding the oldest changed story to the
 * last (or, when no story joined or left, to the one holding the newest changed story); and, when A changed,
 * the archive page that was or becomes the last, whose "newer" link leads to the listing's own page.
 */
public record Pagination(int pageSize) {

    /** Given as the stories written before when the listing's pages were not written yet (in this run). */
    public static final int NOT_WRITTEN = -1;

    public Pagination {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page must show at least one story, was " + pageSize);
        }
    }

    /** How many archive pages {@code stories} fill: every one full, the newest stories on the listing's own page. */
    public int archivePages(int stories) {
        return stories <= pageSize ? 0 : (stories - 1) / pageSize;
    }

    /** The archive page whose range holds {@code position} (from 0, the oldest); past the last for the newest stories. */
    public int archivePageOf(int position) {
        return position / pageSize + 1;
    }

    /**
     * Which pages to write after {@code touched}.
     *
     * @param storiesBefore how many stories its pages showed when last written, or {@link #NOT_WRITTEN}
     * @param stories       how many it has now
     */
    public PageChanges changedPages(int storiesBefore, int stories, Touched touched) {
        int after = archivePages(stories);
        if (storiesBefore == NOT_WRITTEN || touched.whole()) {
            return new PageChanges(true, 1, after, after, storiesBefore == NOT_WRITTEN ? 0 : archivePages(storiesBefore));
        }
        int before = archivePages(storiesBefore);
        boolean ownPage = before != after || touched.newer() < pageSize;
        int first = archivePageOf(touched.older());
        // Nothing moved: the last page altered is the one the newest changed story is on.
        int last = touched.moved() || before != after ? after
                : Math.min(after, archivePageOf(stories - 1 - touched.newer()));
        if (after > before) {
            first = Math.min(first, Math.max(1, before));
        } else if (after < before && after > 0) {
            first = Math.min(first, after);
        }
        return new PageChanges(ownPage, first, last, after, before);
    }

    /** The listing's own page: its newest stories. */
    public ListingSlice newest(Listing listing, NavigableSet<ListedStory> newestFirst) {
        List<ListedStory> page = new ArrayList<>(Math.min(pageSize, newestFirst.size()));
        for (Iterator<ListedStory> stories = newestFirst.iterator(); page.size() < pageSize && stories.hasNext(); ) {
            page.add(stories.next());
        }
        return ListingSlice.newest(listing, archivePages(newestFirst.size()), page);
    }

    /**
     * Its archive pages {@code first} to {@code last} (clamped to those it has), oldest first. It walks to them
     * from the nearer end of the listing, so the newest archive pages cost no walk through the oldest stories.
     */
    public List<ListingSlice> archive(Listing listing, NavigableSet<ListedStory> newestFirst, int first, int last) {
        int pages = archivePages(newestFirst.size());
        int from = Math.max(1, first);
        int to = Math.min(pages, last);
        List<ListingSlice> slices = new ArrayList<>();
        if (from > to) {
            return slices;
        }
        long newerThanLast = newestFirst.size() - (long) to * pageSize;
        long olderThanFirst = (long) (from - 1) * pageSize;
        if (newerThanLast <= olderThanFirst) {
            Iterator<ListedStory> stories = skip(newestFirst.iterator(), newerThanLast);
            for (int number = to; number >= from; number--) {
                slices.add(new ListingSlice(listing, number, pages, take(stories)));
            }
            Collections.reverse(slices);
        } else {
            Iterator<ListedStory> stories = skip(newestFirst.descendingIterator(), olderThanFirst);
            for (int number = from; number <= to; number++) {
                List<ListedStory> page = take(stories);
                Collections.reverse(page);
                slices.add(new ListingSlice(listing, number, pages, page));
            }
        }
        return slices;
    }

    private static Iterator<ListedStory> skip(Iterator<ListedStory> stories, long count) {
        for (long skipped = 0; skipped < count; skipped++) {
            stories.next();
        }
        return stories;
    }

    private List<ListedStory> take(Iterator<ListedStory> stories) {
        List<ListedStory> page = new ArrayList<>(pageSize);
        while (page.size() < pageSize) {
            page.add(stories.next());
        }
        return page;
    }

    /**
     * Where a listing's changed stories are (or were) among its live stories now: every story between the
     * newest and the oldest changed one may have been added, removed or changed.
     *
     * @param newer how many live stories are newer than the newest changed story (none of them changed)
     * @param older how many live stories are older than the oldest changed story (none of them changed or moved)
     * @param moved whether a story joined or left (or changed its publication time), moving newer ones along
     * @param whole whether everything may have changed (the counts unused)
     */
    public record Touched(int newer, int older, boolean moved, boolean whole) {

        public static final Touched WHOLE = new Touched(0, 0, true, true);

        public Touched {
            if (newer < 0 || older < 0) {
                throw new IllegalArgumentException("Changed stories with " + newer + " newer and " + older + " older");
            }
        }

        /** The change in {@code listing}'s stories that {@link Listings#takeChanges()} reported. */
        public static Touched of(Listings listings, Listing listing, Listings.Change change) {
            if (change.whole()) {
                return WHOLE;
            }
            return new Touched(listings.newerThan(listing, change.newest()), listings.olderThan(listing, change.oldest()),
                    change.moved(), false);
        }
    }

    /**
     * The pages one flush writes and removes.
     *
     * @param ownPage            whether the listing's own page (its newest stories) is written
     * @param first              the first archive page written
     * @param last               the last archive page written (none when {@code first > last})
     * @param archivePages       how many archive pages it has now
     * @param archivePagesBefore how many it had when last written (0 if never); those after
     *                           {@code archivePages} are removed
     */
    public record PageChanges(boolean ownPage, int first, int last, int archivePages, int archivePagesBefore) {

        /** How many archive pages are written. */
        public int written() {
            return Math.max(0, last - first + 1);
        }
    }
}
