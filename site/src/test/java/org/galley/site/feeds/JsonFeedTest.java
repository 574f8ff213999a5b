package org.galley.site.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.feeds.FeedFixtures.NEWER;
import static org.galley.site.feeds.FeedFixtures.OLDER;
import static org.galley.site.feeds.FeedFixtures.SITE;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.site.listing.Listing;
import org.junit.jupiter.api.Test;

class JsonFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFeedHasTheFieldsJsonFeed11RequiresAndEveryStory() throws Exception {
        JsonNode feed = JSON.readTree(JsonFeed.render(FeedFixtures.home()));

        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("Stack Digest");
        assertThat(feed.get("home_page_url").asText()).isEqualTo("https://stackdigest.org/");
        assertThat(feed.get("feed_url").asText()).isEqualTo("https://stackdigest.org/feed.json");
        assertThat(feed.get("items").isArray()).isTrue();
        assertThat(feed.get("items")).extracting(item -> item.get("title").asText())
                .containsExactly(NEWER.headline(), OLDER.headline());
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").isTextual()).as("id is a string").isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).as("content_html or content_text").isTrue();
            assertThat(URI.create(item.get("url").asText()).isAbsolute()).isTrue();
            OffsetDateTime.parse(item.get("date_published").asText());
            OffsetDateTime.parse(item.get("date_modified").asText());
            assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("Desk");
        }
    }

    @Test
    void anItemCarriesItsSummaryTagsDatesAndAnAbsoluteImage() throws Exception {
        JsonNode item = JSON.readTree(JsonFeed.render(FeedFixtures.home())).get("items").get(0);

        assertThat(item.get("id").asText()).isEqualTo("tag:stackdigest.org,2026-04-21:microsoft-openai-partnership");
        assertThat(item.get("url").asText()).isEqualTo("https://stackdigest.org/ai/microsoft-and-openai/");
        assertThat(item.get("summary").asText()).isEqualTo("The alliance has been rewritten.");
        assertThat(item.get("content_text").asText()).isEqualTo(NEWER.excerpt());
        assertThat(item.get("image").asText()).isEqualTo("https://stackdigest.org/media/ai-partnership.svg");
        assertThat(item.get("date_published").asText()).isEqualTo("2026-04-21T09:00:00Z");
        assertThat(item.get("date_modified").asText()).isEqualTo("2026-04-21T12:30:00Z");
        assertThat(item.get("tags")).extracting(JsonNode::asText).containsExactly("OpenAI", "Microsoft");
    }

    @Test
    void aTagFeedLivesInTheTagsFolder() throws Exception {
        JsonNode feed = JSON.readTree(JsonFeed.render(FeedContent.of(SITE, Listing.tag("openai"), List.of(NEWER), FeedFixtures.UPDATED)));

        assertThat(feed.get("title").asText()).isEqualTo("OpenAI · Stack Digest");
        assertThat(feed.get("home_page_url").asText()).isEqualTo("https://stackdigest.org/tags/openai/");
        assertThat(feed.get("feed_url").asText()).isEqualTo("https://stackdigest.org/tags/openai/feed.json");
    }
}
