package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.galley.runtime.SiteSettings;
import org.galley.site.feeds.Sitemap;
import org.junit.jupiter.api.Test;

/** The site's decisions, without a file system: each step's changes are kept in a list. */
class SitePlanTest {

    private static final Instant NOW = Instant.parse("2026-04-22T12:00:00Z");

    private final SitePlan plan = new SitePlan(SiteSettings.stackDigest(), 2, Sitemap.MAX_URLS);
    private final List<FileChange> changes = new ArrayList<>();

    @Test
    void aPublishedStoryWritesItsPageAtOnceAndItsListingsFeedsAndSitemapsAtTheFlush() {
        SitePlan.StoryChange change = plan.apply(story("a1").published(), changes::add);

        assertThat(changes).singleElement().satisfies(only -> {
            assertThat(only).isInstanceOf(FileChange.Write.class);
            assertThat(((FileChange.Write) only).file()).isEqualTo("ai/a1/index.html");
        });
        assertThat(change.after().articleId()).isEqualTo("a1");
        assertThat(change.invalidation().getPaths()).contains("/ai/a1/", "/", "/ai/", "/tags/ai/");

        changes.clear();
        plan.flush(NOW, changes::add);

        assertThat(written()).contains("index.html", "/feed.xml", "/atom.xml", "/feed.json", "ai/index.html",
                "/ai/feed.xml", "tags/ai/index.html", "sitemap.xml", "news-sitemap.xml");
        assertThat(content("index.html")).contains("/ai/a1/");
    }

    @Test
    void aFlushWithNothingNewDecidesNothing() {
        plan.apply(story("a1").published(), changes::add);
        plan.flush(NOW, changes::add);
        changes.clear();

        plan.flush(NOW, changes::add);

        assertThat(changes).isEmpty();
    }

    @Test
    void aStoryThatMovesHasItsOldPageRemoved() {
        plan.apply(story("a1").published(), changes::add);
        plan.flush(NOW, changes::add);
        changes.clear();

        plan.apply(story("a1").revision(2).path("/business/a1/").category("Business").published(), changes::add);

        assertThat(changes).containsExactly(changes.get(0), new FileChange.Delete("ai/a1/index.html"));
        assertThat(((FileChange.Write) changes.get(0)).file()).isEqualTo("business/a1/index.html");
    }

    @Test
    void theLastStoryOfASectionTakenDownRemovesTheSectionsFilesAndSweepsItsArchivePages() {
        plan.apply(story("a1").published(), changes::add);
        plan.flush(NOW, changes::add);
        changes.clear();

        plan.apply(story("a1").revision(2).unpublished("2026-04-22T00:00:00Z"), changes::add);
        assertThat(changes).containsExactly(new FileChange.Delete("ai/a1/index.html"));
        changes.clear();
        plan.flush(NOW, changes::add);

        assertThat(changes).contains(new FileChange.Delete("ai/index.html"), new FileChange.Delete("/ai/feed.xml"),
                new FileChange.Sweep("/ai/page/{n}/", 1, 0, "/ai/"));
        assertThat(content("index.html")).doesNotContain("/ai/a1/");
    }

    @Test
    void archivePagesArePurgedUnderTheirListingAndTheirSeriesIsSweptOnTheFirstFlush() {
        IntStream.rangeClosed(1, 5).forEach(day -> plan.apply(story("s" + day)
                .publishedAt("2026-04-0" + day + "T09:00:00Z").published(), changes::add));
        changes.clear();

        plan.flush(NOW, changes::add);

        assertThat(changes).filteredOn(FileChange.Write.class::isInstance).map(FileChange.Write.class::cast)
                .filteredOn(write -> write.file().equals("page/1/index.html"))
                .singleElement().satisfies(write -> assertThat(write.purge()).isEqualTo(new FileChange.Purge("/", "/page/1/")));
        // Nothing written yet in this run: pages an earlier run left after the last are found by trying.
        int lastPage = written().stream().filter(file -> file.matches("page/[0-9]+/index.html"))
                .mapToInt(file -> Integer.parseInt(file.split("/")[1])).max().orElseThrow();
        assertThat(changes).filteredOn(FileChange.Sweep.class::isInstance).map(FileChange.Sweep.class::cast)
                .filteredOn(sweep -> sweep.purgeUnder().equals("/")).singleElement()
                .satisfies(sweep -> assertThat(sweep.urlPath(sweep.from())).isEqualTo("/page/" + (lastPage + 1) + "/"));
    }

    @Test
    void anEventWhosePageCannotBeWrittenChangesNothingElse() {
        Consumer<FileChange> full = change -> {
            throw new IllegalStateException("disk full");
        };

        assertThatThrownBy(() -> plan.apply(story("a1").published(), full)).hasMessage("disk full");
        plan.flush(NOW, changes::add);

        assertThat(written()).doesNotContain("ai/a1/index.html", "ai/index.html", "tags/ai/index.html");
        assertThat(content("index.html")).as("the home page, empty").doesNotContain("/ai/a1/");
    }

    @Test
    void aFlushThatCouldNotBeWrittenIsDecidedAgainWhole() {
        plan.apply(story("a1").published(), changes::add);
        assertThatThrownBy(() -> plan.flush(NOW, change -> {
            if (change instanceof FileChange.Write write && write.file().equals("/feed.xml")) {
                throw new IllegalStateException("disk full");
            }
        })).hasMessage("disk full");
        changes.clear();

        plan.flush(NOW, changes::add);

        assertThat(written()).contains("index.html", "/feed.xml", "ai/index.html", "sitemap.xml", "news-sitemap.xml");
    }

    @Test
    void aStoryThatCannotBeWrittenEvenAloneIsTakenOutWithItsPage() {
        plan.apply(story("good").published(), changes::add);
        plan.apply(story("far").publishedAt("+1000000000-01-01T00:00:00Z").published(), changes::add);
        assertThatThrownBy(() -> plan.flush(NOW, changes::add)).isInstanceOf(RuntimeException.class);
        changes.clear();

        List<SitePlan.Unwritable> taken = plan.takeOutUnwritable(changes::add);

        assertThat(taken).extracting(unwritable -> unwritable.story().articleId()).containsExactly("far");
        assertThat(changes).containsExactly(new FileChange.Delete("ai/far/index.html"));
        changes.clear();
        plan.flush(NOW, changes::add);
        assertThat(content("index.html")).contains("/ai/good/").doesNotContain("/ai/far/");
    }

    private List<String> written() {
        return changes.stream().filter(FileChange.Write.class::isInstance).map(change -> ((FileChange.Write) change).file())
                .toList();
    }

    private String content(String file) {
        return changes.stream().filter(FileChange.Write.class::isInstance).map(FileChange.Write.class::cast)
                .filter(write -> write.file().equals(file)).reduce((first, second) -> second).orElseThrow().content();
    }
}
