package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** One story the site cannot write as it is never stops the site: it is cleaned, or taken out and recorded. */
class OneBadEventTest {

    private static final String BAD = "\uFFFF\uFFFE\u0000\u0001\uFDD0";
    // Not in the headline, which is also in the story's page: Avro's UTF-8 never yields one, and a page is
    // written as render made it.
    private static final String LONE = "\uD800";

    @TempDir
    Path out;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStoryWithCharactersXmlCannotCarryInEveryFieldStillPublishesValidFeedsAndSitemapsAndTheNextStoryFollows() throws Exception {
        SiteBuilder site = site(new SiteFolder(out));
        site.apply(story("bad").headline("Head" + BAD + "line").dek("Dek" + BAD + LONE).byline("By" + BAD + LONE)
                .category("AI" + BAD + LONE).tags("Open" + BAD + LONE + "AI:openai", "Bad" + BAD + ":bad" + BAD)
                .hero("https://example.org/a.jpg", "Alt" + BAD + LONE).language("en" + BAD).published());
        site.flush();
        site.apply(story("next").headline("The next story").tags("OpenAI:openai").published());
        site.flush();

        for (String file : List.of("feed.xml", "atom.xml", "ai/feed.xml", "ai/atom.xml", "tags/openai/feed.xml",
                "tags/openai/atom.xml", "sitemap.xml", "news-sitemap.xml")) {
            Document feed = parse(read(file));
            assertThat(feed.getDocumentElement().getTextContent()).as(file).doesNotContain("\uFFFF", "\u0000");
        }
        assertThat(parse(read("feed.xml")).getDocumentElement().getTextContent())
                .contains("Head\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDline", "The next story");
        assertThat(parse(read("news-sitemap.xml")).getDocumentElement().getTextContent()).contains("The next story");
        JsonNode jsonFeed = json.readTree(read("tags/openai/feed.json"));
        assertThat(jsonFeed.get("items")).hasSize(2);
        assertThat(read("index.html")).contains("Head\uFFFD").contains("The next story").doesNotContain("\uFFFF");
    }

    @Test
    void aPathXmlCannotCarryIsRefusedBeforeAnythingIsWritten() {
        SiteBuilder site = site(new SiteFolder(out));

        assertThatThrownBy(() -> site.apply(story("bad").path("/ai/bad\uFFFF/").published()))
                .isInstanceOf(IllegalArgumentException.class);
        site.flush();

        assertThat(out.resolve("ai/bad\uFFFF/index.html")).doesNotExist();
        assertThat(read("index.html")).contains("Nothing published yet.");
    }

    @Test
    void aStoryWhoseFeedsCannotBeWrittenIsTakenOutAndRecordedAndTheOthersAreWritten() throws Exception {
        SiteBuilder site = site(new SiteFolder(out));
        site.apply(story("good").headline("A good story").published());
        // Past what a feed's date can hold: only this story's feeds fail.
        site.apply(story("far").headline("From the far future").publishedAt("+1000000000-01-01T00:00:00Z").published());
        site.apply(story("also-good").headline("Another good story").published());

        site.flush();

        assertThat(read("feed.xml")).contains("A good story", "Another good story").doesNotContain("far future");
        assertThat(read("index.html")).doesNotContain("far future");
        assertThat(out.resolve("ai/far/index.html")).doesNotExist();
        assertThat(out.resolve("ai/good/index.html")).exists();
        List<JsonNode> rejected = lines(SiteBuilder.REJECTED_LOG);
        assertThat(rejected).singleElement().satisfies(line -> {
            assertThat(line.get("articleId").asText()).isEqualTo("far");
            assertThat(line.get("source").asText()).isEqualTo("site");
            assertThat(line.get("reasons").get(0).get("message").asText()).contains("could not be written");
        });

        site.apply(story("later").headline("A later story").published());
        site.flush();
        assertThat(read("feed.xml")).contains("A later story");
    }

    @Test
    void aFlushThatFailsWithNoStoryToBlameKeepsEverythingForTheNextFlush() {
        // Feeds cannot be written while the disk is full.
        AtomicBoolean diskFull = new AtomicBoolean();
        SiteBuilder site = site(new HookedFiles(new SiteFolder(out), path -> {
            if (diskFull.get() && path.endsWith("feed.xml")) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        }));
        site.apply(story("a1").headline("First").published());
        diskFull.set(true);

        assertThatThrownBy(site::flush).isInstanceOf(UncheckedIOException.class);

        diskFull.set(false);
        site.flush();
        assertThat(read("feed.xml")).contains("First");
        assertThat(read("index.html")).contains("First");
        assertThat(lines(SiteBuilder.REJECTED_LOG)).isEmpty();
    }

    private static SiteBuilder site(SiteFiles files) {
        SiteBuilder site = new SiteBuilder(files, SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        site.reset();
        return site;
    }

    private String read(String file) {
        try {
            return Files.readString(out.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> lines(String file) {
        try (Stream<String> lines = Files.lines(out.resolve(file))) {
            return lines.map(line -> {
                try {
                    return json.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
