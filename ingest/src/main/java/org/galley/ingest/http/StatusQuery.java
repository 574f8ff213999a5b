package org.galley.ingest.http;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;

/**
 * The body of {@code POST /v1/statuses}, {@code {"ids": ["a", "b"]}}, read into the article ids it asks about:
 * each once, in the order first given, at most {@link #MAX_IDS}; or why it cannot be read.
 */
final class StatusQuery {

    /** The most ids one request may ask about; a tool following more sends several requests. */
    static final int MAX_IDS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusQuery() {
    }

    /** What a body says. */
    sealed interface Read permits Ids, Refused {
    }

    /** The ids asked about, without repeats. */
    record Ids(Set<String> ids) implements Read {
    }

    /** Why the body is refused; {@code tooMany} when only its number of ids is at fault. */
    record Refused(RejectionReason reason, boolean tooMany) implements Read {
    }

    static Read read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return refused("payload", ReasonCodes.MALFORMED_JSON, "The body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ".");
        } catch (IOException e) {
            return refused("payload", ReasonCodes.MALFORMED_JSON, "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            return refused("payload", ReasonCodes.BAD_VALUE, "Send a JSON object: {\"ids\": [\"an-article-id\", ...]}.");
        }
        JsonNode ids = root.get("ids");
        if (ids == null || ids.isNull()) {
            return refused("ids", ReasonCodes.REQUIRED, "Name the stories to report in 'ids', a list of article ids.");
        }
        if (!ids.isArray()) {
            return refused("ids", ReasonCodes.BAD_VALUE, "'ids' must be a list of article ids.");
        }
        if (ids.size() > MAX_IDS) {
            return new Refused(new RejectionReason("ids", ReasonCodes.TOO_MANY, "At most " + MAX_IDS
                    + " ids may be asked about at once, were " + ids.size() + "; split them over several requests."),
                    true);
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual()) {
                return refused("ids[" + i + "]", ReasonCodes.BAD_VALUE, "Each id must be a string, was "
                        + id.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
            }
            unique.add(id.textValue());
        }
        return new Ids(unique);
    }

    private static Refused refused(String field, String code, String message) {
        return new Refused(new RejectionReason(field, code, message), false);
    }
}
