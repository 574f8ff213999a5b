package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.runtime.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tries to break an embargo on the whole local stack. An embargoed story (its {@code publishedAt} long past, its
 * {@code embargoUntil} a few seconds ahead) is sent, corrected while held, taken down and sent again, each time with
 * the embargo; around it, stories in its category and with its tags go through and one is corrected, so its
 * related links, the ticker, listings, feeds and sitemaps are all rebuilt while it is held. Until the embargo
 * nothing Galley puts out may carry the story's id, its slug, its headline's words or its correction's words:
 * no committed record on {@code articles.published}, {@code pages}, {@code cache-invalidations} (nor on
 * {@code articles.enriched} and {@code articles.previews}, before them) and no file the site wrote (pages,
 * listings, feeds, sitemaps, its logs), looked at again and again up to the last moment. After it the story is
 * out, once, as the revision sent last, so the check above looks for words that do come.
 */
class EmbargoIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Long enough ahead for the attempts and the stories around them to go through while the story is held. */
    private static final Duration AHEAD = Duration.ofSeconds(12);
    private static final String ID = "quillon-accord";
    /** The story's id, its headline's rare word (so its slug and tag), and a word only its correction has. */
    private static final String[] MARKS = {ID, "quillon", "vespertine"};
    private static final String[] OUTPUT_TOPICS = {Topics.PUBLISHED, Topics.PAGES, Topics.CACHE_INVALIDATIONS,
            Topics.ENRICHED, Topics.PREVIEWS};

    @TempDir
    Path work;

    private LocalStack stack;
    private OutputWatch watch;

    @Test
    void nothingOfAnEmbargoedStoryComesOutBeforeItsTimeThroughCorrectionsATakedownAndStoriesAroundItAndThenItDoes() {
        Path site = work.resolve("site");
        stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve("stack"), site, Map.of());
        watch = OutputWatch.start(stack.bootstrapServers(), OUTPUT_TOPICS);
        NewsroomDesk desk = new NewsroomDesk(stack.ingestUrl());
        desk.send(neighbour("harbour-dues", 1, "Harbour Dues Rise for Cargo Ships", "saltmarsh"));
        awaitPublished(site, "harbour-dues", 1);

        Instant embargo = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.MILLIS);
        desk.send(embargoed(1, embargo, "The ports agreed on common dues after two years of talks."));
        desk.awaitState(ID, "scheduled", 1);
        desk.send(embargoed(2, embargo, "The ports agreed on common dues. Correction: the vespertine clause lets"
                + " any port leave after a year."));
        desk.awaitState(ID, "scheduled", 2);
        desk.takeDown(ID);
        desk.awaitState(ID, "cancelled", 3);
        desk.send(embargoed(4, embargo, "The ports agreed on common dues. The vespertine clause lets any port"
                + " leave after a year."));
        assertThat(Instant.parse(desk.awaitState(ID, "scheduled", 4).path("releaseAt").asText())).isEqualTo(embargo);

        // Its neighbours go through while it is held: related links, ticker, listings, feeds and sitemaps are
        // chosen and written again now, when a leak would carry it.
        desk.send(neighbour("dockers-vote", 1, "Dockers Vote on the New Shift Pattern", "tidewrack"));
        desk.send(neighbour("ferry-timetable", 1, "Ferry Timetable Changes for Winter", "brineglass"));
        desk.send(neighbour("harbour-dues", 2, "Harbour Dues Rise for Cargo Ships, Then Fall Again", "saltmarsh"));
        awaitPublished(site, "dockers-vote", 1);
        awaitPublished(site, "ferry-timetable", 1);
        awaitPublished(site, "harbour-dues", 2);

        int looks = 0;
        while (Instant.now().isBefore(embargo.minusMillis(300))) {
            assertThat(watch.mentioning(MARKS)).as("records carrying the embargoed story before its time").isEmpty();
            assertThat(OutputWatch.filesMentioning(site, MARKS)).as("site files carrying it before its time").isEmpty();
            looks++;
            NewsroomDesk.pause();
        }
        assertThat(looks).as("looks taken before the embargo ended (make AHEAD longer on a slow machine)")
                .isGreaterThanOrEqualTo(3);
        // A neighbour sent after it, by its body's word and its slug (all a sitemap has of it).
        assertThat(OutputWatch.filesMentioning(site, "brineglass", "ferry-timetable-changes-for-winter"))
                .as("site files written while it was held")
                .extracting(mention -> mention.file().toString())
                .contains("index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml",
                        "tags/trade/index.html", "ports/index.html");

        Instant firstSeen = awaitPublished(site, ID, 4);
        assertThat(firstSeen).isAfterOrEqualTo(embargo);
        assertThat(awaitFilesMentioning(site, ID)).as("the listings and feeds carry it once it is out")
                .contains("index.html", "feed.xml", "sitemap.xml");
        assertThat(watch.awaitMention(WAIT, Topics.CACHE_INVALIDATIONS, MARKS)).as("its purges announced").isTrue();
        List<OutputWatch.Seen> story = watch.mentioning(MARKS);
        assertThat(story).extracting(OutputWatch.Seen::topic)
                .contains(Topics.PUBLISHED, Topics.PAGES, Topics.CACHE_INVALIDATIONS);
        assertThat(story).allSatisfy(seen -> {
            assertThat(seen.seenAt()).as("seen on %s", seen.topic()).isAfterOrEqualTo(embargo);
            assertThat(seen.timestamp()).as("record time on %s", seen.topic()).isAfterOrEqualTo(embargo);
        });
        Deserializer<ArticlePublished> events = Topics.fromConfig(stack.config()).published().valueSerde().deserializer();
        List<ArticlePublished> ofStory = watch.onTopicMentioning(Topics.PUBLISHED, MARKS).stream()
                .map(seen -> events.deserialize(Topics.PUBLISHED, seen.value()))
                .filter(event -> event.getArticleId().equals(ID))
                .toList();
        assertThat(ofStory).as("never a takedown, not even of the cancelled revision")
                .extracting(ArticlePublished::getAction).containsOnly(Action.PUBLISH);
        assertThat(ofStory).filteredOn(event -> event.getResend() == 0).as("published once, as the revision sent last")
                .singleElement().satisfies(event -> {
                    assertThat(event.getRevision()).isEqualTo(4);
                    assertThat(event.getOccurredAt()).isAfterOrEqualTo(embargo);
                    assertThat(event.getPage().getHtml()).contains("vespertine clause");
                });
    }

    private static Map<String, Object> embargoed(long revision, Instant embargo, String body) {
        Map<String, Object> story = story(ID, revision, "Quillon Accord Signed by Nine Ports", body);
        // Dated an hour ago: only the embargo holds it.
        story.put("publishedAt", Instant.now().minus(Duration.ofHours(1)).toEpochMilli());
        story.put("embargoUntil", embargo.toEpochMilli());
        story.put("tags", List.of("Shipping", "Trade", "Quillon talks"));
        return story;
    }

    /** A story in the embargoed one's category with its tags, with a word of its own. */
    private static Map<String, Object> neighbour(String id, long revision, String headline, String word) {
        return story(id, revision, headline, "Shipping news from the " + word + " quay: trade between the ports"
                + " grew this year, and the harbour board expects more.");
    }

    private static Map<String, Object> story(String id, long revision, String headline, String body) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("articleId", id);
        story.put("revision", revision);
        story.put("headline", headline);
        story.put("byline", "Ines Albarran");
        story.put("category", "Ports");
        story.put("tags", List.of("Shipping", "Trade"));
        story.put("bodyMarkdown", body + "\n\nThe harbour board meets again in the spring, when the figures for"
                + " the year are known.");
        return story;
    }

    /** Waits for the revision's line in the site's {@code published.jsonl}; when it was first seen. */
    private static Instant awaitPublished(Path site, String articleId, long revision) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (SiteLogs.lastPublished(site, articleId).filter(line -> line.path("revision").asLong() == revision)
                .isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(articleId + " revision " + revision + " not published within " + WAIT);
            }
            NewsroomDesk.pause();
        }
        return Instant.now();
    }

    /** The site files that mention the word, once the listings (written at most once a second) carry it. */
    private static List<String> awaitFilesMentioning(Path site, String word) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> files = new ArrayList<>();
        while (!files.contains("feed.xml") && System.nanoTime() < deadline) {
            NewsroomDesk.pause();
            files = OutputWatch.filesMentioning(site, word).stream().map(mention -> mention.file().toString()).toList();
        }
        return files;
    }

    @AfterEach
    void stopStack() {
        if (watch != null) {
            watch.close();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
