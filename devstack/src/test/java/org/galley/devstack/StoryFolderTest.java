package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.galley.events.ArticleSubmitted;
import org.galley.ingest.storyfile.StoryFileParser;
import org.galley.ingest.storyfile.StoryFileResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryFolderTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final StoryFolder folder = new StoryFolder(
            new StoryFileParser("https://news.example", "test", Clock.fixed(NOW, ZoneOffset.UTC)));

    @TempDir
    Path dir;

    @Test
    void aStoryThatSaysWhenItWasPublishedIsSubmittedThenNotWhenTheFolderWasRead() throws IOException {
        story("archive.md", "published: 2024-03-05T09:30:00Z\n");

        ArticleSubmitted submission = submission(folder.read(dir).get(0));

        assertThat(submission.getSubmittedAt()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(submission.getPublishedAt()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
    }

    @Test
    void aStoryForLaterIsSubmittedNowNotInTheFuture() throws IOException {
        story("next-week.md", "published: 2099-01-05T09:30:00Z\n");

        ArticleSubmitted submission = submission(folder.read(dir).get(0));

        assertThat(submission.getSubmittedAt()).isEqualTo(NOW);
        assertThat(submission.getPublishedAt()).isEqualTo(Instant.parse("2099-01-05T09:30:00Z"));
    }

    @Test
    void aStoryWithoutAPublicationDateIsSubmittedNow() throws IOException {
        story("undated.md", "");

        assertThat(submission(folder.read(dir).get(0)).getSubmittedAt()).isEqualTo(NOW);
    }

    @Test
    void oldestFirstPutsStoriesInPublicationOrderAndUnreadableFilesLast() throws IOException {
        story("a-newest.md", "published: 2026-04-03\n");
        Files.writeString(dir.resolve("b-broken.md"), "---\nheadline: [unclosed\n---\n\nBody.\n");
        story("c-undated.md", "");
        story("d-oldest.md", "published: 2026-04-01\n");
        Files.writeString(dir.resolve("notes.txt"), "not a story");

        List<StoryFile> stories = folder.read(dir);

        assertThat(stories).extracting(StoryFile::fileName)
                .containsExactly("a-newest.md", "b-broken.md", "c-undated.md", "d-oldest.md");
        assertThat(stories.stream().sorted(StoryFolder.OLDEST_FIRST).map(StoryFile::fileName))
                .containsExactly("d-oldest.md", "a-newest.md", "c-undated.md", "b-broken.md");
    }

    private void story(String name, String frontMatter) throws IOException {
        Files.writeString(dir.resolve(name), "---\nheadline: A Story\nbyline: Desk\ncategory: AI\n" + frontMatter
                + "---\n\nA body.\n");
    }

    private static ArticleSubmitted submission(StoryFile story) {
        return ((StoryFileResult.Parsed) story.result()).submission();
    }
}
