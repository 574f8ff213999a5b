package org.galley.ingest.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.galley.events.ArticleStatus;
import org.galley.events.StatusChange;
import org.galley.events.StoryState;

/**
 * How a story's status moves as events arrive from the stages, which read and write different topics and so
 * may be seen out of order. A newer revision always wins. For the same revision, a later stage wins over an
 * earlier one (submitted, then accepted or rejected, then published or unpublished), and the later of two
 * events of the same stage wins: so a late or repeated {@code submitted} of revision 1 never hides that
 * revision 1 is published, while a fixed story resubmitted under a rejected revision shows as accepted. A
 * rejection that names no revision (the payload could not be read) only describes a story with no status yet,
 * so it never hides a readable revision. Pure.
 */
public final class StatusRules {

    /** How many state changes a status remembers. */
    public static final int HISTORY = 10;

    private StatusRules() {
    }

    /**
     * The status after the event, or empty when the event is older than what the status already shows.
     *
     * @param current the story's status so far, or null when it has none
     */
    public static Optional<ArticleStatus> apply(String articleId, ArticleStatus current, StoryEvent event) {
        if (current != null && !supersedes(event, current)) {
            return Optional.empty();
        }
        boolean published = event.state() == StoryState.PUBLISHED || event.state() == StoryState.UNPUBLISHED;
        return Optional.of(ArticleStatus.newBuilder()
                .setArticleId(articleId)
                .setState(event.state())
                .setRevision(event.revision())
                .setUpdatedAt(event.at())
                // A page keeps its address while a correction moves through, so the status keeps showing it.
                .setUrl(published || current == null ? event.url() : current.getUrl())
                .setPath(published || current == null ? event.path() : current.getPath())
                .setReasons(event.reasons())
                .setHistory(history(current, event))
                .build());
    }

    private static boolean supersedes(StoryEvent event, ArticleStatus current) {
        if (event.revision() == null) {
            return current.getRevision() == null;
        }
        if (current.getRevision() == null || event.revision() > current.getRevision()) {
            return true;
        }
        return event.revision().equals(current.getRevision()) && stage(event.state()) >= stage(current.getState());
    }

    private static int stage(StoryState state) {
        switch (state) {
            case SUBMITTED: return 0;
            case ACCEPTED:
            case REJECTED: return 1;
            default: return 2;
        }
    }

    private static List<StatusChange> history(ArticleStatus current, StoryEvent event) {
        List<StatusChange> changes = new ArrayList<>(current == null ? List.of() : current.getHistory());
        changes.add(new StatusChange(event.state(), event.revision(), event.at()));
        return List.copyOf(changes.subList(Math.max(0, changes.size() - HISTORY), changes.size()));
    }
}
