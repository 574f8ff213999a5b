package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.galley.enrich.related.Position;
import org.junit.jupiter.api.Test;

class ListingKeysTest {

    private static final List<Position> POSITIONS = List.of(
            new Position(Instant.MIN, "a"),
            new Position(Instant.parse("1969-12-31T23:59:59.999999999Z"), "a"),
            new Position(Instant.EPOCH, "a"),
            new Position(Instant.EPOCH.plusNanos(1), "a"),
            new Position(Instant.parse("2026-04-21T00:00:00Z"), "a"),
            new Position(Instant.parse("2026-04-21T00:00:00Z"), "a-2"),
            new Position(Instant.parse("2026-04-21T00:00:00Z"), "b"),
            new Position(Instant.parse("2026-04-21T00:00:00Z"), "\uFF21"),
            new Position(Instant.parse("2026-04-21T00:00:00Z"), "\uD83D\uDE00"),
            new Position(Instant.parse("2026-04-21T00:00:00.001Z"), "a"),
            new Position(Instant.MAX, "a"));

    private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

    private static List<Position> shuffled() {
        List<Position> shuffled = new ArrayList<>(POSITIONS);
        Collections.shuffle(shuffled, new Random(7));
        return shuffled;
    }

    private static byte[] utf8(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void timelineKeysSortAsBytesInPublicationOrder() {
        List<Position> byKeyBytes = shuffled().stream()
                .sorted(Comparator.comparing(position -> utf8(ListingKeys.timeKey(position)), BYTES))
                .toList();

        assertThat(byKeyBytes).isEqualTo(POSITIONS);
        assertThat(shuffled().stream().sorted().toList()).isEqualTo(POSITIONS);
    }

    @Test
    void tagKeysSortInPublicationOrderWithinTheTagAndStayInsideItsBounds() {
        for (String tag : List.of("ai", "ai-safety", "人工知能")) {
            List<Position> byKeyBytes = shuffled().stream()
                    .sorted(Comparator.comparing(position -> utf8(ListingKeys.tagKey(tag, position)), BYTES))
                    .toList();
            assertThat(byKeyBytes).isEqualTo(POSITIONS);
            for (Position position : POSITIONS) {
                byte[] key = utf8(ListingKeys.tagKey(tag, position));
                assertThat(BYTES.compare(key, utf8(ListingKeys.tagStart(tag)))).isPositive();
                assertThat(BYTES.compare(key, utf8(ListingKeys.tagEnd(tag)))).isNegative();
            }
        }
    }

    @Test
    void oneTagsKeysNeverFallWithinTheBoundsOfATagItPrefixes() {
        byte[] longer = utf8(ListingKeys.tagKey("ai-safety", POSITIONS.get(0)));
        byte[] shorter = utf8(ListingKeys.tagKey("ai", POSITIONS.get(POSITIONS.size() - 1)));

        assertThat(BYTES.compare(longer, utf8(ListingKeys.tagEnd("ai")))).isPositive();
        assertThat(BYTES.compare(shorter, utf8(ListingKeys.tagStart("ai-safety")))).isNegative();
    }

    @Test
    void aKeyGivesBackItsPosition() {
        for (Position position : POSITIONS) {
            assertThat(ListingKeys.fromTimeKey(ListingKeys.timeKey(position))).isEqualTo(position);
            assertThat(ListingKeys.fromTagKey("ai", ListingKeys.tagKey("ai", position))).isEqualTo(position);
        }
        Position withSeparator = new Position(Instant.EPOCH, "odd\u0000id");
        assertThat(ListingKeys.fromTimeKey(ListingKeys.timeKey(withSeparator))).isEqualTo(withSeparator);
    }

    @Test
    void aTagSlugWithAControlCharacterIsRefused() {
        assertThatThrownBy(() -> ListingKeys.tagKey("a\u0000b", POSITIONS.get(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
