package org.galley.ingest.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.ingest.status.StatusLookup;
import org.galley.ingest.status.StatusRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest revision ingest accepted for a story, from its status read model, for the front door's answers
 * before anything is sent: a 409 for a revision that would be refused, the next revision for a takedown, a 404
 * for taking down a story never accepted. The status may lag the topology by a moment, so this is advice: the
 * topology's revision gate stays the authority and refuses what slips through, which the status then shows.
 */
final class AcceptedRevisions {

    private static final Logger log = LoggerFactory.getLogger(AcceptedRevisions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is known about a story's accepted revisions. */
    sealed interface Newest permits Known, Never, Unknown {
    }

    /** The newest accepted revision. */
    record Known(long revision) implements Newest {
    }

    /** No revision of the story was accepted (as far as the status shows). */
    record Never() implements Newest {
    }

    /** The status cannot be read now; {@code internal} says why, for the log only. */
    record Unknown(String internal) implements Newest {
    }

    private final StatusLookup statuses;
    private final StatusForwarder forwarder;

    AcceptedRevisions(StatusLookup statuses, StatusForwarder forwarder) {
        this.statuses = statuses;
        this.forwarder = forwarder;
    }

    /** From this instance's store only: a status held by another instance is {@link Unknown}. */
    Newest local(String articleId) {
        StatusLookup.Result result = statuses.find(articleId);
        if (result instanceof StatusLookup.Found found) {
            Long newest = StatusRules.newestAccepted(found.status());
            return newest == null ? new Never() : new Known(newest);
        }
        if (result instanceof StatusLookup.Missing) {
            return new Never();
        }
        if (result instanceof StatusLookup.Elsewhere elsewhere) {
            return new Unknown("held by " + elsewhere.host() + ":" + elsewhere.port());
        }
        return new Unknown(((StatusLookup.Unavailable) result).reason());
    }

    /** As {@link #local}, asking the instance that holds the status when it is another one. */
    Newest anywhere(String articleId, String authorization) {
        StatusLookup.Result result = statuses.find(articleId);
        if (!(result instanceof StatusLookup.Elsewhere owner)) {
            return local(articleId);
        }
        try {
            StatusForwarder.Answer answer = forwarder.forward(owner.host(), owner.port(), articleId, authorization);
            if (answer.status() == 404) {
                return new Never();
            }
            if (answer.status() != 200) {
                return new Unknown(owner.host() + ":" + owner.port() + " answered " + answer.status());
            }
            JsonNode accepted = JSON.readTree(answer.body()).get("acceptedRevision");
            return accepted == null || !accepted.canConvertToLong() ? new Never() : new Known(accepted.asLong());
        } catch (IOException e) {
            log.debug("Could not ask {}:{} for {}'s status", owner.host(), owner.port(), LogText.of(articleId), e);
            return new Unknown(owner.host() + ":" + owner.port() + " did not answer: " + e);
        }
    }
}
