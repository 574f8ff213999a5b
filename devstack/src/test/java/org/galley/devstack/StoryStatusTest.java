package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StoryStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStoryThatFailedInALaterStageAnswersItsRevisionAsFailedNamingTheStageAndReasons() throws Exception {
        StoryStatus status = StoryStatus.fromJson(json("""
                {"articleId":"a1","state":"failed","stage":"render","revision":2,"acceptedRevision":2,
                 "reasons":[{"field":"page","code":"render-failed","message":"cannot be rendered"}]}"""));

        assertThat(status.answering(2L)).hasValueSatisfying(answer -> {
            assertThat(answer.kind()).isEqualTo(StoryStatus.Kind.FAILED);
            assertThat(answer.stage()).isEqualTo("render");
            assertThat(answer.reasons()).containsExactly("page: cannot be rendered");
        });
    }

    @Test
    void aPublishedEarlierRevisionDoesNotAnswerALaterOne() throws Exception {
        StoryStatus status = StoryStatus.fromJson(json("""
                {"articleId":"a1","state":"published","revision":1,"path":"/ai/a1/","url":"https://news.example/ai/a1/"}"""));

        assertThat(status.answering(2L)).isEmpty();
        assertThat(status.answering(1L)).hasValueSatisfying(answer -> assertThat(answer.path()).isEqualTo("/ai/a1/"));
    }

    @Test
    void aScheduledStoryIsAnsweredWithItsTimeAndItsReportLineSaysWhenItGoesOut() throws Exception {
        StoryStatus status = StoryStatus.fromJson(json("""
                {"articleId":"a1","state":"scheduled","revision":1,"releaseAt":"2026-12-03T09:30:00Z"}"""));

        assertThat(status.answering(1L)).contains(status);
        assertThat(status.releaseAt()).isEqualTo("2026-12-03T09:30:00Z");
        assertThat(new PublishReport.Entry("a1.md", "a1", status, null).describe(java.time.Duration.ofSeconds(60)))
                .contains("scheduled", "a1.md", "goes out at 2026-12-03T09:30:00Z");
        assertThat(new PublishReport(List.of(new PublishReport.Entry("a1.md", "a1", status, null)), true).summary())
                .isEqualTo("0 published, 0 rejected, 1 scheduled for later.");
        assertThat(StoryStatus.fromJson(json("{\"articleId\":\"a1\",\"state\":\"cancelled\",\"revision\":2}"))
                .answering(2L)).map(StoryStatus::kind).contains(StoryStatus.Kind.CANCELLED);
    }

    @Test
    void aStorySentAsAPreviewIsAnsweredByItsPreviewWhateverTheStorysOwnState() throws Exception {
        StoryStatus published = StoryStatus.fromJson(json("""
                {"articleId":"a1","state":"published","revision":1,
                 "preview":{"url":"http://localhost:8080/preview/abcdefghijklmnop/","revision":2}}"""));

        assertThat(published.answering(3L, true)).as("an older preview does not answer revision 3").isEmpty();
        StoryStatus answer = published.answering(2L, true).orElseThrow();
        assertThat(answer.kind()).isEqualTo(StoryStatus.Kind.PREVIEWED);
        assertThat(answer.preview().url()).isEqualTo("http://localhost:8080/preview/abcdefghijklmnop/");
        assertThat(new PublishReport(List.of(new PublishReport.Entry("a1.md", "a1", answer, answer.preview().url())),
                true).summary()).isEqualTo("0 published, 0 rejected, 1 preview.");
        // The story's own published state answers a publication, not the preview.
        assertThat(published.answering(1L)).contains(published);
        assertThat(StoryStatus.fromJson(json("{\"articleId\":\"a1\",\"state\":\"previewed\",\"revision\":1}"))
                .answering(1L)).as("a story sent for publication is still on its way").isEmpty();
    }

    @Test
    void aStoryOnItsWayAnswersNothingYet() throws Exception {
        assertThat(StoryStatus.fromJson(json("{\"articleId\":\"a1\",\"state\":\"accepted\",\"revision\":1}"))
                .answering(1L)).isEmpty();
    }

    @Test
    void aRevisionRefusedAsStaleIsAnsweredRejectedThoughTheStoryStaysPublished() throws Exception {
        StoryStatus status = StoryStatus.fromJson(json("""
                {"articleId":"a1","state":"published","revision":3,"acceptedRevision":3,"path":"/ai/a1/",
                 "history":[{"state":"published","revision":3},{"state":"rejected","revision":2}]}"""));

        assertThat(status.answering(2L)).hasValueSatisfying(answer -> {
            assertThat(answer.kind()).isEqualTo(StoryStatus.Kind.REJECTED);
            assertThat(answer.reasons()).containsExactly("revision 2 was refused: revision 3 is the newest accepted");
        });
    }

    @Test
    void aFileThatCouldNotBeReadIsAnsweredOnlyByARejection() throws Exception {
        assertThat(StoryStatus.fromJson(json("{\"articleId\":\"a1\",\"state\":\"rejected\"}")).answering(null))
                .hasValueSatisfying(answer -> assertThat(answer.kind()).isEqualTo(StoryStatus.Kind.REJECTED));
        assertThat(StoryStatus.fromJson(json("{\"articleId\":\"a1\",\"state\":\"published\",\"revision\":1}"))
                .answering(null)).isEmpty();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
