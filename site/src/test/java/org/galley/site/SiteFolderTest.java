package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder a web server serves: readable by another user, and never a half-written file in it. */
class SiteFolderTest {

    @TempDir
    Path out;

    @Test
    void writtenFilesAre0644AndTheFoldersTheSiteCreates0755SoAWebServerAsAnotherUserCanServeThem() throws IOException {
        SiteFolder folder = new SiteFolder(out.resolve("site"));

        folder.write("ai/first-story/index.html", "<h1>First</h1>");
        folder.appendLine("published.jsonl", "{}");

        assertThat(mode(out.resolve("site/ai/first-story/index.html"))).isEqualTo("rw-r--r--");
        assertThat(mode(out.resolve("site/published.jsonl"))).isEqualTo("rw-r--r--");
        assertThat(mode(out.resolve("site/ai/first-story"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(out.resolve("site/ai"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(out.resolve("site"))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aRewriteReplacesTheFileAndLeavesNoTemporaryFileBeside() throws IOException {
        SiteFolder folder = new SiteFolder(out);

        folder.write("ai/story/index.html", "first");
        folder.write("ai/story/index.html", "second");

        assertThat(Files.readString(out.resolve("ai/story/index.html"))).isEqualTo("second");
        assertThat(mode(out.resolve("ai/story/index.html"))).isEqualTo("rw-r--r--");
        assertThat(folder.list()).containsExactly("ai/story/index.html");
    }

    @Test
    void aWriteThatCannotBeRenamedIntoPlaceLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        SiteFolder folder = new SiteFolder(out);
        // A folder where the page should go: the rename cannot replace it.
        Files.createDirectories(out.resolve("ai/story/index.html"));
        Files.writeString(out.resolve("ai/story/index.html/keep.txt"), "kept");

        assertThatThrownBy(() -> folder.write("ai/story/index.html", "new"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("ai/story/index.html");
        assertThat(folder.list()).containsExactly("ai/story/index.html/keep.txt");
    }

    @Test
    void listingNamesEveryFileSiteRelativeWithTemporaryOnesRecognised() throws IOException {
        SiteFolder folder = new SiteFolder(out);
        folder.write("index.html", "home");
        folder.write("tags/openai/feed.xml", "feed");
        Files.writeString(out.resolve("tags/.galley-123.tmp"), "half");

        assertThat(folder.list()).containsExactly("index.html", "tags/.galley-123.tmp", "tags/openai/feed.xml");
        assertThat(SiteFolder.isTemporary("tags/.galley-123.tmp")).isTrue();
        assertThat(SiteFolder.isTemporary("tags/openai/feed.xml")).isFalse();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
