package org.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.events.StoryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview goes on at once with its token, and leaves the story's revisions, schedule and state alone. */
class PreviewsTest {

    @TempDir
    Path stateDir;

    private IngestDriver ingest;

    @BeforeEach
    void start() {
        ingest = new IngestDriver(stateDir, "preview-test", Map.of());
    }

    @AfterEach
    void close() {
        ingest.close();
    }

    @Test
    void aPreviewGoesOnWithAnUnguessableTokenAndItsAddressIsInTheStatus() {
        ingest.submitted.pipeInput("story", preview("story", 1).build());

        ArticleAccepted accepted = ingest.accepted.readValue();
        assertThat(accepted.getPreviewToken()).matches("[A-Za-z0-9_-]{32}");
        assertThat(accepted.getSubmission().getPreview()).isTrue();
        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.PREVIEWED);
        assertThat(status.getPreviewUrl()).endsWith("/preview/" + accepted.getPreviewToken() + "/");
        assertThat(status.getPreviewRevision()).isEqualTo(1L);
        assertThat(status.getAcceptedRevision()).isNull();
    }

    @Test
    void thePreviewedRevisionIsThenPublishedAsANewOneNotRefusedAsADuplicate() {
        ingest.submitted.pipeInput("story", preview("story", 1).build());
        ingest.submitted.pipeInput("story", Stories.good("story", 1));

        List<ArticleAccepted> accepted = ingest.accepted.readValuesToList();
        assertThat(accepted).extracting(ArticleAccepted::getPreviewToken).hasSize(2).last().isNull();
        assertThat(ingest.rejected.isEmpty()).isTrue();
        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.ACCEPTED);
        assertThat(status.getPreviewUrl()).as("the preview's address stays in the status").isNotNull();
    }

    @Test
    void aPreviewOfAPublishedStoryLeavesItPublished() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.published.pipeInput("story", published("story", 1));
        ingest.submitted.pipeInput("story", preview("story", 2).setHeadline("A correction, seen first").build());

        ArticleStatus status = ingest.status("story");
        assertThat(status.getState()).isEqualTo(StoryState.PUBLISHED);
        assertThat(status.getRevision()).isEqualTo(1L);
        assertThat(status.getAcceptedRevision()).isEqualTo(1L);
        assertThat(status.getPreviewRevision()).isEqualTo(2L);
        // Revision 2 is still free for the correction itself.
        ingest.submitted.pipeInput("story", Stories.good("story", 2));
        assertThat(ingest.rejected.isEmpty()).isTrue();
    }

    @Test
    void aPreviewOfAStoryForNextWeekIsMadeNowNotHeld() {
        ingest.submitted.pipeInput("story", preview("story", 1)
                .setPublishedAt(IngestDriver.NOW.plus(Duration.ofDays(7)))
                .setEmbargoUntil(IngestDriver.NOW.plus(Duration.ofDays(7))).build());

        assertThat(ingest.accepted.readValue().getPreviewToken()).isNotNull();
    }

    @Test
    void anInvalidPreviewIsRejectedButTheStorysStateDoesNotChange() {
        ingest.submitted.pipeInput("story", Stories.good("story", 1));
        ingest.published.pipeInput("story", published("story", 1));
        ingest.submitted.pipeInput("story", preview("story", 2).setHeadline("").build());

        assertThat(ingest.rejected.readValue().getSubmission().getPreview()).isTrue();
        assertThat(ingest.status("story").getState()).isEqualTo(StoryState.PUBLISHED);
    }

    private static ArticleSubmitted.Builder preview(String articleId, long revision) {
        return Stories.story(articleId, revision).setPreview(true);
    }

    private static ArticlePublished published(String articleId, long revision) {
        return ArticlePublished.newBuilder().setArticleId(articleId).setRevision(revision).setAction(Action.PUBLISH)
                .setSlug("story").setPath("/ai/story/").setUrl("https://stackdigest.org/ai/story/")
                .setOccurredAt(IngestDriver.NOW.plusSeconds(1)).setPage(null).build();
    }
}
