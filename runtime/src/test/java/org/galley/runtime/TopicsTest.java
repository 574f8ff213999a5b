package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final ServiceConfig DEFAULTS = new ServiceConfig(Map.of());

    @Test
    void pagesTopicIsCompactedAndHoldsHtmlAsPlainUtf8StringsKeyedByPath() {
        Topic<String, String> pages = Topics.create(DEFAULTS, "mock://topics-test").pages();

        assertThat(pages.name()).isEqualTo("pages");
        assertThat(pages.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        byte[] html = pages.valueSerde().serializer().serialize(pages.name(), "<p>é 日本</p>");
        assertThat(new String(html, StandardCharsets.UTF_8)).isEqualTo("<p>é 日本</p>");
        assertThat(pages.keySerde().serializer().serialize(pages.name(), "/ai/story/"))
                .isEqualTo("/ai/story/".getBytes(StandardCharsets.UTF_8));
        assertThat(pages.valueSerde().serializer().serialize(pages.name(), null)).isNull();
    }

    @Test
    void pagesTopicNameComesFromTheEnvironment() {
        Topics topics = Topics.create(new ServiceConfig(Map.of("GALLEY_TOPIC_PAGES", "staging.pages")), "mock://topics-test");

        assertThat(topics.pages().name()).isEqualTo("staging.pages");
        assertThat(topics.all()).contains(topics.pages());
    }

    @Test
    void eventTopicsTakeTheClusterDefaults() {
        Topics topics = Topics.create(DEFAULTS, "mock://topics-test");

        assertThat(topics.published().configs()).isEmpty();
        assertThat(topics.deadLetter().configs()).isEmpty();
    }

    @Test
    void missingTopicIsCreatedWithGalleySizesAndItsOwnSettings() {
        ServiceConfig config = new ServiceConfig(Map.of("GALLEY_TOPIC_PARTITIONS", "6", "GALLEY_TOPIC_REPLICATION", "3"));

        NewTopic pages = TopicAdmin.newTopic("pages", Map.of("cleanup.policy", "compact"), config);

        assertThat(pages.numPartitions()).isEqualTo(6);
        assertThat(pages.replicationFactor()).isEqualTo((short) 3);
        assertThat(pages.configs()).containsEntry("cleanup.policy", "compact")
                .containsEntry("max.message.bytes", Integer.toString(8 * 1024 * 1024));
    }

    @Test
    void galleysTopicsKeepTheirHistoryUnlessOpsSetARetention() {
        NewTopic kept = TopicAdmin.newTopic("articles.published", Map.of(), DEFAULTS);
        NewTopic week = TopicAdmin.newTopic("articles.published", Map.of(),
                new ServiceConfig(Map.of("GALLEY_TOPIC_RETENTION_MS", "604800000")));

        assertThat(kept.configs()).containsEntry("retention.ms", "-1");
        assertThat(week.configs()).containsEntry("retention.ms", "604800000");
    }

    @Test
    void aTopicsOwnSettingWinsOverGalleysDefault() {
        NewTopic small = TopicAdmin.newTopic("small", Map.of("max.message.bytes", "1024"), DEFAULTS);

        assertThat(small.configs()).containsEntry("max.message.bytes", "1024");
        assertThat(small.replicationFactor()).isEqualTo((short) -1);
    }
}
