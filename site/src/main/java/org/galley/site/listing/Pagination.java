package org.galley.site.listing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;

import org.galley.site.ListedStory;

/**
 * How a listing's stories, newest first, fall into pages of {@code pageSize}: page 1 holds the newest, the
 * last page the oldest; a listing with no story still has its (empty) first page. And which pages a change
 * can have altered: the page of the newest story it touched and every later one (stories after it move
 * along), plus the last page when the number of pages changed (its "older" link comes or goes). A page shows
 * nothing else that a change elsewhere in the listing could alter.
 */
public record Pagination(int pageSize) {

    public Pagination {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page must show at least one story, was " + pageSize);
        }
    }

    public int pageCount(int stories) {
        return Math.max(1, (stories + pageSize - 1) / pageSize);
    }

    /** The page (from 1) of the story at {@code rank} (from 0, the newest). */
    public int pageOf(int rank) {
        return rank / pageSize + 1;
    }

    /**
     * The first page to render again after {@code change}, given the pages written before (0 if none).
     * Counting the stories before the change walks them, but renders none.
     */
    public int firstChangedPage(NavigableSet<ListedStory> newestFirst, Listings.Change change, int pagesBefore) {
        int count = pageCount(newestFirst.size());
        int first = change.whole() || pagesBefore == 0 ? 1 : pageOf(newestFirst.headSet(change.newest(), false).size());
        if (count != pagesBefore) {
            first = Math.min(first, Math.min(count, pagesBefore));
        }
        return Math.max(1, Math.min(first, count));
    }

    /** Its pages from {@code first} to the last. */
    public List<ListingSlice> pagesFrom(Listing listing, NavigableSet<ListedStory> newestFirst, int first) {
        int count = pageCount(newestFirst.size());
        List<ListingSlice> pages = new ArrayList<>();
        Iterator<ListedStory> stories = newestFirst.iterator();
        for (long skip = (long) (first - 1) * pageSize; skip > 0 && stories.hasNext(); skip--) {
            stories.next();
        }
        for (int number = first; number <= count; number++) {
            List<ListedStory> page = new ArrayList<>(pageSize);
            while (page.size() < pageSize && stories.hasNext()) {
                page.add(stories.next());
            }
            pages.add(new ListingSlice(listing, number, count, page));
        }
        return pages;
    }
}
