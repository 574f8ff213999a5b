package org.galley.enrich.related;

import java.time.Instant;

/**
 * A story's place in the publication order, the one total order enrich files stories in: by first publication
 * time, then by article id. "Earlier" and "later" always mean before and after in this order. A story's position
 * never changes, because every revision keeps the first revision's publication time.
 *
 * <p>Ids are compared by code point, which is also the order of their UTF-8 bytes, so the index's state stores
 * (sorted by key bytes) and this comparator always agree, whatever script an id is written in.
 *
 * @param firstPublishedAt when the story first went out
 * @param articleId        the story
 */
public record Position(Instant firstPublishedAt, String articleId) implements Comparable<Position> {

    public static Position of(StorySummary story) {
        return new Position(story.firstPublishedAt(), story.articleId());
    }

    @Override
    public int compareTo(Position other) {
        int byTime = firstPublishedAt.compareTo(other.firstPublishedAt);
        return byTime != 0 ? byTime : compareIds(articleId, other.articleId);
    }

    public boolean isBefore(Position other) {
        return compareTo(other) < 0;
    }

    /** Two ids in code point order (String's own order differs from it for characters outside the BMP). */
    public static int compareIds(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
