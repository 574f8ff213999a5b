package org.galley.enrich;

import java.time.Instant;

import org.galley.enrich.related.Position;

/**
 * The keys of the {@code stories-by-time} and {@code stories-by-tag} stores, built so that their UTF-8 bytes sort
 * in publication order ({@link Position}), which is how RocksDB sorts them and so what its range scans return:
 *
 * <pre>
 *   stories-by-time:  time '\0' articleId
 *   stories-by-tag:   tagSlug '\0' time '\0' articleId
 * </pre>
 *
 * <p>{@code time} is the first publication time as 27 digits, the epoch second plus 10^17 (so every Instant,
 * before 1970 too, is positive and 18 digits) and then the nanosecond, 9 digits: fixed width, so digit order is
 * time order, exactly. The id comes last and whole, and UTF-8 byte order is code point order, as in
 * {@link Position}. A tag slug holds no {@code \0}, the lowest byte, so one tag's keys are contiguous and sort
 * before those of any tag it is a prefix of.
 */
final class ListingKeys {

    /** Past every key of a tag: its slug, then a byte above the separator. */
    private static final char AFTER_SEPARATOR = '\u0001';
    private static final char SEPARATOR = '\u0000';
    private static final long SECONDS_OFFSET = 100_000_000_000_000_000L;
    private static final int TIME_LENGTH = 27;

    private ListingKeys() {
    }

    static String timeKey(Position position) {
        return time(position.firstPublishedAt()) + SEPARATOR + position.articleId();
    }

    static String tagKey(String tagSlug, Position position) {
        return tagPrefix(tagSlug) + timeKey(position);
    }

    /** The first key any story listed under the tag could have (inclusive bound). */
    static String tagStart(String tagSlug) {
        return tagPrefix(tagSlug);
    }

    /** A bound just past every key of the tag; no key equals it. */
    static String tagEnd(String tagSlug) {
        return tagSlug + AFTER_SEPARATOR;
    }

    static Position fromTimeKey(String key) {
        return position(key, 0);
    }

    static Position fromTagKey(String tagSlug, String key) {
        return position(key, tagSlug.length() + 1);
    }

    static String time(Instant instant) {
        String seconds = Long.toString(instant.getEpochSecond() + SECONDS_OFFSET);
        String nanos = Integer.toString(instant.getNano());
        return "0".repeat(18 - seconds.length()) + seconds + "0".repeat(9 - nanos.length()) + nanos;
    }

    private static String tagPrefix(String tagSlug) {
        if (tagSlug.indexOf(SEPARATOR) >= 0 || tagSlug.indexOf(AFTER_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a tag slug cannot hold control characters: '" + tagSlug + "'");
        }
        return tagSlug + SEPARATOR;
    }

    private static Position position(String key, int from) {
        long seconds = Long.parseLong(key, from, from + 18, 10) - SECONDS_OFFSET;
        int nanos = Integer.parseInt(key, from + 18, from + TIME_LENGTH, 10);
        return new Position(Instant.ofEpochSecond(seconds, nanos), key.substring(from + TIME_LENGTH + 1));
    }
}
