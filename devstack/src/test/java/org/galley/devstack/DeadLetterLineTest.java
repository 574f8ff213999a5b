package org.galley.devstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterLineTest {

    static ConsumerRecord<byte[], byte[]> letter(String key, long offset) {
        ConsumerRecord<byte[], byte[]> letter = new ConsumerRecord<>("articles.dead-letter", 1, offset,
                key == null ? null : key.getBytes(UTF_8), "value".getBytes(UTF_8));
        letter.headers().add("galley-stage", "render".getBytes(UTF_8))
                .add("galley-reason", "too-large".getBytes(UTF_8))
                .add("__streams.errors.topic", "articles.enriched".getBytes(UTF_8))
                .add("__streams.errors.partition", "2".getBytes(UTF_8))
                .add("__streams.errors.offset", "40".getBytes(UTF_8))
                .add("__streams.errors.exception", "org.apache.kafka.common.errors.RecordTooLargeException".getBytes(UTF_8))
                .add("__streams.errors.message", "The page is\\nlarger than 1 MiB".replace("\\n", "\n").getBytes(UTF_8));
        return letter;
    }

    @Test
    void aLineNamesWhereItSitsTheStoryTheStageTheReasonItsOriginAndTheException() {
        assertThat(DeadLetterLine.of(letter("story-1", 12))).isEqualTo("articles.dead-letter-1@12  story-1  render"
                + "  too-large  from articles.enriched-2@40  RecordTooLargeException: The page is larger than 1 MiB");
    }

    @Test
    void missingHeadersAndKeysAreShownAsMissingAndControlCharactersCannotReachTheTerminal() {
        ConsumerRecord<byte[], byte[]> bare = new ConsumerRecord<>("articles.dead-letter", 0, 3, null, null);
        ConsumerRecord<byte[], byte[]> hostile = letter("story\u001b[2J", 4);

        assertThat(DeadLetterLine.of(bare)).isEqualTo("articles.dead-letter-0@3  (no key)  ?  ?  from ?-?@?  ");
        assertThat(DeadLetterLine.of(hostile)).contains("story<U+001B>[2J").doesNotContain("\u001b");
    }
}
