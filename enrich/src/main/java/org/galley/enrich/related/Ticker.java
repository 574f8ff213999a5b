package org.galley.enrich.related;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ticker of latest headlines a story's page shows: the {@value #TICKER_SIZE} latest live stories at or before
 * the story in publication order ({@link Position}), the story itself included, newest first. It is fixed by the
 * story's place among the others, not by the moment its page was made, so every order of arrival (and a replay)
 * gives a page the same ticker; a story published later never appears in an earlier story's ticker.
 */
public final class Ticker {

    /** Headlines in a ticker. */
    public static final int TICKER_SIZE = 5;

    private Ticker() {
    }

    /**
     * The ticker of {@code current}, a live story, among {@code stories}: the definition, which the story index
     * answers with one reverse range scan of its {@code stories-by-time} store.
     */
    public static List<StorySummary> latest(StorySummary current, Collection<StorySummary> stories) {
        Position at = current.position();
        Stream<StorySummary> earlier = stories.stream()
                .filter(story -> story.published() && story.position().isBefore(at));
        return Stream.concat(Stream.of(current), earlier)
                .sorted(Comparator.comparing(StorySummary::position).reversed())
                .limit(TICKER_SIZE)
                .toList();
    }
}
