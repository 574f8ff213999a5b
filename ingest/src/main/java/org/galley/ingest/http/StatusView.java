package org.galley.ingest.http;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.galley.events.ArticleStatus;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;
import org.galley.ingest.status.StatusRules;

/**
 * A story's status as {@code GET /v1/articles/{id}} answers it: {@code state} is one of submitted, accepted,
 * scheduled (held until {@code releaseAt}), rejected, published, unpublished, cancelled (taken down while held, so
 * never published), failed, previewed (only previews were sent); {@code stage} names the stage that failed; {@code revision} is the
 * revision the state is about and {@code acceptedRevision} the newest accepted (a new revision must be greater);
 * {@code url} and {@code path} appear once the story has a page, {@code reasons} when it is rejected or failed;
 * {@code history} lists the last state changes, oldest first, refused revisions included; {@code preview} the
 * newest preview's address, whatever the state.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record StatusView(String articleId, String state, String stage, Long revision, Long acceptedRevision,
                  String updatedAt, String releaseAt, String url, String path, List<Problem.FieldError> reasons,
                  List<Change> history, Preview preview) {

    /** The newest preview of the story: its unguessable address, for the newsroom tool that asked for it. */
    record Preview(String url, Long revision, String at) {
    }

    /** One state change. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Change(String state, Long revision, String at) {
    }

    static StatusView of(ArticleStatus status) {
        return new StatusView(status.getArticleId(), name(status.getState()), status.getStage(),
                status.getRevision(), StatusRules.newestAccepted(status), status.getUpdatedAt().toString(),
                status.getState() == StoryState.SCHEDULED && status.getReleaseAt() != null
                        ? status.getReleaseAt().toString() : null,
                status.getUrl(), status.getPath(),
                status.getReasons().stream().map(Problem.FieldError::of).toList(),
                status.getHistory().stream().map(StatusView::change).toList(),
                status.getPreviewUrl() == null ? null : new Preview(status.getPreviewUrl(), status.getPreviewRevision(),
                        status.getPreviewAt() == null ? null : status.getPreviewAt().toString()));
    }

    private static Change change(StatusChange change) {
        return new Change(name(change.getState()), change.getRevision(), change.getAt().toString());
    }

    private static String name(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
