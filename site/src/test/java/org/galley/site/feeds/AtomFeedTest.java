package org.galley.site.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.feeds.FeedFixtures.NEWER;
import static org.galley.site.feeds.FeedFixtures.OLDER;
import static org.galley.site.feeds.Xml.children;
import static org.galley.site.feeds.Xml.text;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import com.apptasticsoftware.rssreader.Item;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AtomFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void anIndependentReaderReadsBackEveryEntryWithItsTitleLinkIdAndDates() {
        List<Item> entries = RssFeedTest.read(AtomFeed.render(FeedFixtures.home()));

        assertThat(entries).extracting(entry -> entry.getTitle().orElseThrow())
                .containsExactly(NEWER.headline(), OLDER.headline());
        Item newest = entries.get(0);
        assertThat(newest.getLink()).hasValue("https://stackdigest.org/ai/microsoft-and-openai/");
        assertThat(newest.getGuid()).hasValue("tag:stackdigest.org,2026-04-21:microsoft-openai-partnership");
        assertThat(newest.getPubDateZonedDateTime().orElseThrow().toInstant()).isEqualTo(NEWER.publishedAt());
        assertThat(newest.getUpdatedZonedDateTime().orElseThrow().toInstant()).isEqualTo(NEWER.updatedAt());
        assertThat(newest.getChannel().getTitle()).isEqualTo("Stack Digest");
    }

    @Test
    void theDocumentHasEveryElementAtom10Requires() {
        Element feed = Xml.parse(AtomFeed.render(FeedFixtures.home())).getDocumentElement();

        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, ATOM, "id")).isEqualTo("https://stackdigest.org/atom.xml");
        assertThat(text(feed, ATOM, "title")).isEqualTo("Stack Digest");
        assertThat(Instant.parse(text(feed, ATOM, "updated"))).isEqualTo(Instant.parse("2026-04-21T12:30:00Z"));
        assertThat(children(feed, ATOM, "link")).extracting(link -> link.getAttribute("rel") + " " + link.getAttribute("href"))
                .containsExactlyInAnyOrder("alternate https://stackdigest.org/", "self https://stackdigest.org/atom.xml");
        List<Element> entries = children(feed, ATOM, "entry");
        assertThat(entries).hasSize(2);
        for (Element entry : entries) {
            assertThat(text(entry, ATOM, "id")).startsWith("tag:stackdigest.org,");
            assertThat(text(entry, ATOM, "title")).isNotBlank();
            assertThat(Instant.parse(text(entry, ATOM, "updated"))).isNotNull();
            assertThat(Xml.child(entry, ATOM, "link").getAttribute("rel")).isEqualTo("alternate");
            assertThat(text(Xml.child(entry, ATOM, "author"), ATOM, "name")).isEqualTo("Desk");
            assertThat(text(entry, ATOM, "summary")).isNotBlank();
        }
        assertThat(children(entries.get(0), ATOM, "category")).extracting(category -> category.getAttribute("term"))
                .containsExactly("openai", "microsoft");
    }

    @Test
    void romeReadsItBackAsAtom10() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(AtomFeed.render(FeedFixtures.home())));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).extracting(entry -> entry.getTitle()).containsExactly(NEWER.headline(), OLDER.headline());
    }
}
