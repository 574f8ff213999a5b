package org.galley.site.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.feeds.FeedFixtures.NEWER;
import static org.galley.site.feeds.FeedFixtures.OLDER;
import static org.galley.site.feeds.FeedFixtures.SITE;
import static org.galley.site.feeds.Xml.children;
import static org.galley.site.feeds.Xml.text;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import org.galley.site.ListedStory;
import org.galley.site.StoryEvents;
import org.galley.site.listing.Listing;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class RssFeedTest {

    @Test
    void anIndependentReaderReadsBackEveryStoryWithItsTitleLinkDateAndTags() {
        List<Item> items = read(RssFeed.render(FeedFixtures.home()));

        assertThat(items).extracting(item -> item.getTitle().orElseThrow())
                .containsExactly("Microsoft & OpenAI: <Not> Breaking Up", "Claude Goes to Work");
        Item newest = items.get(0);
        assertThat(newest.getLink()).hasValue("https://stackdigest.org/ai/microsoft-and-openai/");
        assertThat(newest.getGuid()).hasValue("tag:stackdigest.org,2026-04-21:microsoft-openai-partnership");
        assertThat(newest.getIsPermaLink()).hasValue(false);
        assertThat(newest.getPubDateZonedDateTime().orElseThrow().toInstant()).isEqualTo(NEWER.publishedAt());
        assertThat(newest.getDescription()).hasValue(NEWER.excerpt());
        assertThat(newest.getCategories()).containsExactly("OpenAI", "Microsoft");
        assertThat(newest.getChannel().getTitle()).isEqualTo("Stack Digest");
        assertThat(newest.getChannel().getLink()).isEqualTo("https://stackdigest.org/");
        assertThat(newest.getChannel().getLanguage()).hasValue("en");
    }

    @Test
    void theDocumentHasTheStructureRss20Requires() {
        Element rss = Xml.parse(RssFeed.render(FeedFixtures.home())).getDocumentElement();

        assertThat(rss.getLocalName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = Xml.child(rss, "", "channel");
        assertThat(text(channel, "", "title")).isEqualTo("Stack Digest");
        assertThat(text(channel, "", "link")).isEqualTo("https://stackdigest.org/");
        assertThat(text(channel, "", "description")).isEqualTo("Stack Digest: Independent Tech Journalism");
        Element self = Xml.child(channel, "http://www.w3.org/2005/Atom", "link");
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("https://stackdigest.org/feed.xml");
        List<Element> items = children(channel, "", "item");
        assertThat(items).hasSize(2);
        for (Element item : items) {
            for (String required : List.of("title", "link", "description", "guid", "pubDate")) {
                assertThat(text(item, "", required)).as(required).isNotBlank();
            }
            assertThat(text(item, "http://purl.org/dc/elements/1.1/", "creator")).isEqualTo("Desk");
        }
    }

    @Test
    void romeReadsItBackAsRss20() throws Exception {
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(RssFeed.render(FeedFixtures.home())));

        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getItems()).extracting(com.rometools.rome.feed.rss.Item::getTitle)
                .containsExactly(NEWER.headline(), OLDER.headline());
    }

    @Test
    void aSectionFeedNamesTheSectionAndLinksItsPage() {
        FeedContent feed = FeedContent.of(SITE, Listing.section("ai"), List.of(NEWER, OLDER), FeedFixtures.UPDATED);

        Element channel = Xml.child(Xml.parse(RssFeed.render(feed)).getDocumentElement(), "", "channel");

        assertThat(text(channel, "", "title")).isEqualTo("AI · Stack Digest");
        assertThat(text(channel, "", "link")).isEqualTo("https://stackdigest.org/ai/");
        assertThat(Xml.child(channel, "http://www.w3.org/2005/Atom", "link").getAttribute("href"))
                .isEqualTo("https://stackdigest.org/ai/feed.xml");
    }

    @Test
    void aFeedCarriesOnlyTheLatestFiftyStoriesNewestFirst() {
        List<ListedStory> stories = new ArrayList<>();
        IntStream.range(0, 60).forEach(day -> stories.add(StoryEvents.story("s" + day)
                .publishedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day).toString()).listed()));
        List<ListedStory> newestFirst = stories.stream().sorted(Listing.NEWEST_FIRST).toList();

        List<Item> items = read(RssFeed.render(FeedContent.of(SITE, Listing.HOME, newestFirst, FeedFixtures.UPDATED)));

        assertThat(items).hasSize(50);
        assertThat(items.get(0).getTitle()).hasValue("Story s59");
        assertThat(items.get(49).getTitle()).hasValue("Story s10");
    }

    @Test
    void anEmptyListingStillGivesAChannelWithNoItems() {
        Element rss = Xml.parse(RssFeed.render(FeedContent.of(SITE, Listing.HOME, List.of(), FeedFixtures.UPDATED))).getDocumentElement();

        Element channel = Xml.child(rss, "", "channel");
        assertThat(text(channel, "", "title")).isEqualTo("Stack Digest");
        assertThat(children(channel, "", "item")).isEmpty();
    }

    static List<Item> read(String xml) {
        return new RssReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).toList();
    }
}
