package org.galley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.tags.StoryTag;
import org.junit.jupiter.api.Test;

class KeyValueStoryIndexTest {

    private final Serde<StorySummary> serde = KeyValueStoryIndex.summarySerde();

    @Test
    void aSummaryComesBackAsItWasStored() {
        StorySummary summary = new StorySummary("claude", "Claude Goes to Work", "claude-goes-to-work",
                "/ai/claude-goes-to-work/", List.of(StoryTag.named("AI"), StoryTag.named("Claude")),
                Instant.parse("2026-04-21T00:00:00Z"), true);

        byte[] stored = serde.serializer().serialize("story-index", summary);

        assertThat(serde.deserializer().deserialize("story-index", stored)).isEqualTo(summary);
    }

    @Test
    void aSummaryWrittenByALaterVersionStillReads() {
        String later = """
                {"articleId":"a","headline":"H","slug":"h","path":"/ai/h/","tags":[{"name":"AI","slug":"ai"}],
                 "firstPublishedAt":"2026-04-21T00:00:00Z","published":false,"newField":42}""";

        StorySummary summary = serde.deserializer().deserialize("story-index", later.getBytes(StandardCharsets.UTF_8));

        assertThat(summary.published()).isFalse();
        assertThat(summary.tags()).containsExactly(new StoryTag("AI", "ai"));
    }

    @Test
    void nothingStoredIsNothingRead() {
        assertThat(serde.serializer().serialize("story-index", null)).isNull();
        assertThat(serde.deserializer().deserialize("story-index", null)).isNull();
    }
}
