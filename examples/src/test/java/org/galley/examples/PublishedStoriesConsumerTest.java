package org.galley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.examples.PublishedEvents.publish;
import static org.galley.examples.PublishedEvents.unpublish;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.galley.events.ArticlePublished;
import org.junit.jupiter.api.Test;

class PublishedStoriesConsumerTest {

    private final PublishedStoriesConsumer view = new PublishedStoriesConsumer();

    @Test
    void aPublishPutsTheHeadlineAtItsPath() {
        assertThat(view.handle(publish("a", 1, "/ai/a/", "A"))).isTrue();

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/a/", "A"));
    }

    @Test
    void aCorrectionReplacesTheHeadline() {
        view.handle(publish("a", 1, "/ai/a/", "A"));

        assertThat(view.handle(publish("a", 2, "/ai/a/", "A, corrected"))).isTrue();

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/a/", "A, corrected"));
    }

    @Test
    void anUnpublishRemovesThePath() {
        view.handle(publish("a", 1, "/ai/a/", "A"));
        view.handle(publish("b", 1, "/ai/b/", "B"));

        assertThat(view.handle(unpublish("a", 2, "/ai/a/"))).isTrue();

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/b/", "B"));
    }

    @Test
    void anOlderRevisionArrivingLateChangesNothing() {
        view.handle(publish("a", 3, "/ai/a/", "A, third"));

        assertThat(view.handle(publish("a", 2, "/ai/a/", "A, second"))).isFalse();

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/a/", "A, third"));
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        ArticlePublished event = publish("a", 1, "/ai/a/", "A");
        view.handle(event);

        assertThat(view.handle(event)).isFalse();

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/a/", "A"));
    }

    @Test
    void aPublishOlderThanTheUnpublishDoesNotBringThePageBack() {
        view.handle(publish("a", 1, "/ai/a/", "A"));
        view.handle(unpublish("a", 2, "/ai/a/"));

        assertThat(view.handle(publish("a", 1, "/ai/a/", "A"))).isFalse();

        assertThat(view.headlinesByPath()).isEmpty();
    }

    @Test
    void aNewerPublishAfterAnUnpublishPutsThePageBackUp() {
        view.handle(publish("a", 1, "/ai/a/", "A"));
        view.handle(unpublish("a", 2, "/ai/a/"));

        assertThat(view.handle(publish("a", 3, "/ai/a/", "A, again"))).isTrue();

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/a/", "A, again"));
    }

    @Test
    void anUnpublishForAnArticleNeverSeenIsRememberedAgainstLaterOlderPublishes() {
        assertThat(view.handle(unpublish("a", 2, "/ai/a/"))).isTrue();

        assertThat(view.handle(publish("a", 1, "/ai/a/", "A"))).isFalse();
        assertThat(view.headlinesByPath()).isEmpty();
    }

    @Test
    void onePollAppliesEveryRecordPrintsEachChangeAndCommitsAfterwards() {
        TopicPartition partition = new TopicPartition(PublishedStoriesConsumer.TOPIC, 0);
        MockConsumer<String, ArticlePublished> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        List<ArticlePublished> events = List.of(
                publish("a", 1, "/ai/a/", "A"), publish("b", 1, "/ai/b/", "B"),
                publish("a", 1, "/ai/a/", "A"), unpublish("b", 2, "/ai/b/"));
        for (int offset = 0; offset < events.size(); offset++) {
            ArticlePublished event = events.get(offset);
            consumer.addRecord(new ConsumerRecord<>(partition.topic(), 0, offset, event.getArticleId(), event));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        view.pollOnce(consumer, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(view.headlinesByPath()).containsExactly(Map.entry("/ai/a/", "A"));
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "+ /ai/a/  A (revision 1)", "+ /ai/b/  B (revision 1)", "- /ai/b/ (revision 2)");
        assertThat(consumer.committed(Set.of(partition)))
                .containsEntry(partition, new OffsetAndMetadata(4));
    }
}
