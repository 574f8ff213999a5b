package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild over the folder a previous run left: what the rebuilt site no longer has goes, and nothing else. */
class SitePruneTest {

    @TempDir
    Path out;

    @Test
    void aRebuildPrunesThePagesListingsAndFeedsOfStoriesRemovedWhileTheSiteWasDown() throws IOException {
        SiteBuilder before = site();
        before.apply(story("a1").path("/ai/kept/").category("AI").published());
        before.apply(story("a2").path("/sport/removed/").category("Sport").tags("Football:football").published());
        before.flush();
        assertThat(out.resolve("sport/removed/index.html")).exists();
        assertThat(out.resolve("tags/football/feed.xml")).exists();

        // The topics now hold a2's unpublish too, which the site did not see: the rebuild has only a1.
        SiteBuilder rebuilt = site();
        rebuilt.apply(story("a1").path("/ai/kept/").category("AI").published());
        rebuilt.flush();

        assertThat(rebuilt.prune()).contains("sport/removed/index.html", "sport/index.html", "sport/feed.xml",
                "tags/football/index.html", "tags/football/feed.xml");
        assertThat(out.resolve("sport")).doesNotExist();
        assertThat(out.resolve("tags/football")).doesNotExist();
        assertThat(out.resolve("ai/kept/index.html")).exists();
        assertThat(out.resolve("ai/index.html")).exists();
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("sitemap.xml")).exists();
        assertThat(out.resolve("favicon.svg")).exists();
    }

    @Test
    void filesTheSiteDoesNotOwnStayAndTemporaryFilesOfAnInterruptedWriteGo() throws IOException {
        SiteBuilder before = site();
        before.apply(story("a2").path("/sport/removed/").category("Sport").published());
        before.flush();
        Files.writeString(out.resolve("sport/removed/photo.jpg"), "an image beside the story");
        Files.writeString(out.resolve("ads.txt"), "an operator's file");
        Files.writeString(out.resolve("ai-notes.html"), "an operator's page");
        Files.writeString(out.resolve(".galley-42.tmp"), "half a page");

        SiteBuilder rebuilt = site();
        rebuilt.flush();
        rebuilt.prune();

        assertThat(out.resolve("sport/removed/index.html")).doesNotExist();
        assertThat(out.resolve("sport/removed/photo.jpg")).exists();
        assertThat(out.resolve("ads.txt")).exists();
        assertThat(out.resolve("ai-notes.html")).exists();
        assertThat(out.resolve(".galley-42.tmp")).doesNotExist();
        assertThat(out.resolve(SiteBuilder.PUBLISHED_LOG)).exists();
    }

    private SiteBuilder site() {
        SiteBuilder site = new SiteBuilder(new SiteFolder(out), SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        site.reset();
        return site;
    }
}
