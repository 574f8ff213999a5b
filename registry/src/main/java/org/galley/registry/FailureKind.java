package org.galley.registry;

/**
 * Whether a registry failure says something about the record (POISON: retrying can never help, so the
 * record goes to the dead-letter topic) or about the registry or the way Galley reaches it (RETRIABLE: the
 * same call may work later, so the record must wait). Pure: decided from the HTTP status alone.
 */
enum FailureKind {
    RETRIABLE,
    POISON;

    /**
     * The kind of an HTTP answer that is not 2xx. Server errors, 408 (request timeout) and 429 (too many
     * requests) pass; 401 and 403 are Galley's credentials, not the record, so they are retriable too (a
     * wrong password must stall the stage, not dead-letter every record). Every other 4xx is the registry's
     * answer about this schema or id (40403 unknown id, 409 incompatible, 422 invalid): poison.
     */
    static FailureKind ofStatus(int status) {
        if (status >= 500 || status == 401 || status == 403 || status == 408 || status == 429) {
            return RETRIABLE;
        }
        return POISON;
    }

    /** Whether retrying within the budget may help: not for refused credentials, which only an operator fixes. */
    static boolean worthRetryingSoon(int status) {
        return ofStatus(status) == RETRIABLE && status != 401 && status != 403;
    }
}
