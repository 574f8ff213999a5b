package org.galley.enrich.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PositionTest {

    private static final Instant DAY = Instant.parse("2026-04-21T00:00:00Z");

    @Test
    void publicationOrderIsByFirstPublicationThenByArticleId() {
        Position early = new Position(DAY.minusSeconds(1), "z");
        Position a = new Position(DAY, "a");
        Position b = new Position(DAY, "b");
        Position late = new Position(DAY.plusNanos(1), "a");
        List<Position> shuffled = new ArrayList<>(List.of(late, b, early, a));
        Collections.sort(shuffled);

        assertThat(shuffled).containsExactly(early, a, b, late);
        assertThat(a.isBefore(b)).isTrue();
        assertThat(b.isBefore(a)).isFalse();
        assertThat(a.isBefore(a)).isFalse();
    }

    @Test
    void idsCompareByCodePointAsTheirUtf8BytesDo() {
        String fullwidthA = "\uFF21";
        String emoji = "\uD83D\uDE00";

        // String's own order puts the emoji's surrogates first; UTF-8 bytes, and so the state stores, put it last.
        assertThat(emoji.compareTo(fullwidthA)).isNegative();
        assertThat(Position.compareIds(emoji, fullwidthA)).isPositive();
        assertThat(Position.compareIds("ab", "abc")).isNegative();
        assertThat(Position.compareIds("abc", "abc")).isZero();
    }
}
