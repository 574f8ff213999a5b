package org.galley.render.ticker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.galley.events.ArticlePublished;

/**
 * The latest published headlines, newest first, as the "LIVE" strip at the top of every page shows them.
 * Newest means first published: a correction updates a story's headline in place rather than pushing an old
 * story to the front. A few more entries are kept than are shown, so taking a story down lets the next one
 * move up. Immutable.
 */
public record Ticker(List<TickerEntry> entries) {

    /** How many headlines a page shows. */
    public static final int SHOWN = 5;

    /** How many are remembered, so the strip stays full when stories are taken down. */
    public static final int KEPT = 20;

    public static final Ticker EMPTY = new Ticker(List.of());

    private static final Comparator<TickerEntry> NEWEST_FIRST =
            Comparator.comparing(TickerEntry::publishedAt).reversed();

    public Ticker {
        entries = List.copyOf(entries);
    }

    /** This ticker with {@code story} in its place (replacing an earlier version of the same story). */
    public Ticker with(TickerEntry story) {
        List<TickerEntry> next = new ArrayList<>(entries.size() + 1);
        // Inserted first so that, among stories published at the same instant, the latest rendered leads.
        next.add(story);
        entries.stream().filter(entry -> !entry.articleId().equals(story.articleId())).forEach(next::add);
        next.sort(NEWEST_FIRST);
        return new Ticker(next.subList(0, Math.min(KEPT, next.size())));
    }

    /** This ticker without the story {@code articleId}, e.g. because it was taken down. */
    public Ticker without(String articleId) {
        return new Ticker(entries.stream().filter(entry -> !entry.articleId().equals(articleId)).toList());
    }

    /**
     * This ticker once {@code event} has gone out: a published page takes its place (a correction keeps the
     * story's position and updates its headline), a taken-down story leaves. An event without a page (only an
     * UNPUBLISH should have none) or a null value (a tombstone) changes nothing.
     */
    public Ticker after(ArticlePublished event) {
        if (event == null) {
            return this;
        }
        return switch (event.getAction()) {
            case PUBLISH -> event.getPage() == null ? this : with(TickerEntry.of(event));
            case UNPUBLISH -> without(event.getArticleId());
        };
    }

    /** The headlines a page shows, newest first. */
    public List<TickerEntry> latest() {
        return entries.subList(0, Math.min(SHOWN, entries.size()));
    }
}
