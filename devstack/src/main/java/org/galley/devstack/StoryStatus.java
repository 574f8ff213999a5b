package org.galley.devstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A story's status as ingest answers {@code GET /v1/articles/{id}}, read for {@code ./galley}: its state, the
 * revision the state is about, the page's path once it has one, the stage that failed and the reasons. Ingest
 * keeps the one status store; {@code ./galley} only reads it.
 *
 * @param refused the revisions ingest refused as duplicates or stale, from the status's history: the state
 *                stays about another revision, so only the history says what became of them
 */
record StoryStatus(Kind kind, String articleId, Long revision, String path, String stage, List<String> reasons,
                   Map<Long, String> refused, String releaseAt, Preview preview) {

    /** The story's newest preview: its address and the revision it shows. */
    record Preview(String url, long revision) {
    }

    /**
     * SCHEDULED: held by ingest until {@code releaseAt}; CANCELLED: taken down while held, never published;
     * PREVIEWED: only previews were sent, so a story sent for publication is still on its way.
     */
    enum Kind { SUBMITTED, ACCEPTED, SCHEDULED, PUBLISHED, UNPUBLISHED, CANCELLED, REJECTED, FAILED, PREVIEWED }

    StoryStatus {
        reasons = List.copyOf(reasons);
        refused = Map.copyOf(refused);
    }

    StoryStatus(Kind kind, String articleId, Long revision, String path, String stage, List<String> reasons) {
        this(kind, articleId, revision, path, stage, reasons, Map.of(), null, null);
    }

    /** Reads ingest's status view. */
    static StoryStatus fromJson(JsonNode status) {
        Kind kind = Kind.valueOf(status.path("state").asText("submitted").toUpperCase(Locale.ROOT));
        Long revision = status.path("revision").isNumber() ? status.path("revision").asLong() : null;
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : status.path("reasons")) {
            reasons.add(reason.path("field").asText() + ": " + reason.path("message").asText());
        }
        Map<Long, String> lastChange = new HashMap<>();
        for (JsonNode change : status.path("history")) {
            if (change.path("revision").isNumber()) {
                lastChange.put(change.path("revision").asLong(), change.path("state").asText());
            }
        }
        Map<Long, String> refused = new HashMap<>();
        String newestAccepted = status.path("acceptedRevision").asText("?");
        lastChange.forEach((changed, state) -> {
            boolean stateIsAboutIt = changed.equals(revision) && kind == Kind.REJECTED;
            if (state.equals("rejected") && !stateIsAboutIt) {
                refused.put(changed, "revision " + changed + " was refused: revision " + newestAccepted
                        + " is the newest accepted");
            }
        });
        String path = status.path("path").isTextual() ? status.path("path").asText() : null;
        String stage = status.path("stage").isTextual() ? status.path("stage").asText() : null;
        String releaseAt = status.path("releaseAt").isTextual() ? status.path("releaseAt").asText() : null;
        JsonNode preview = status.path("preview");
        return new StoryStatus(kind, status.path("articleId").asText(), revision, path, stage, reasons, refused,
                releaseAt, preview.path("url").isTextual() && preview.path("revision").isNumber()
                        ? new Preview(preview.path("url").asText(), preview.path("revision").asLong()) : null);
    }

    /**
     * What answers a story sent at {@code sent} (null when only a rejection can answer it, as for a file that could
     * not be read): a final state of that revision or a later one (a scheduled story is answered: it is held
     * until its time, which may be days away), or ingest's refusal of it; empty while the story is still on its
     * way.
     */
    Optional<StoryStatus> answering(Long sent) {
        return answering(sent, false);
    }

    /**
     * As {@link #answering(Long)}; a story sent as a preview is answered by its preview (as {@code PREVIEWED}, with
     * the preview's address) or a refusal, since a preview leaves the story's own state alone.
     */
    Optional<StoryStatus> answering(Long sent, boolean asPreview) {
        if (asPreview) {
            if (preview != null && sent != null && preview.revision() >= sent) {
                return Optional.of(new StoryStatus(Kind.PREVIEWED, articleId, preview.revision(), null, null,
                        List.of(), Map.of(), null, preview));
            }
            return kind == Kind.REJECTED && revision != null && revision.equals(sent) ? Optional.of(this)
                    : Optional.empty();
        }
        if (sent != null && refused.containsKey(sent)) {
            return Optional.of(new StoryStatus(Kind.REJECTED, articleId, sent, null, null, List.of(refused.get(sent))));
        }
        boolean isFinal = kind != Kind.SUBMITTED && kind != Kind.ACCEPTED && kind != Kind.PREVIEWED;
        boolean aboutIt = sent == null ? kind == Kind.REJECTED : revision != null && revision >= sent;
        return isFinal && aboutIt ? Optional.of(this) : Optional.empty();
    }
}
