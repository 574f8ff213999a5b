package org.galley.ingest.http;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names one failure, so the id an HTTP client is given can be found in ingest's log beside the cause it was
 * not shown. Random, not a counter: ids from several instances and restarts never collide or reveal volume.
 */
final class Incidents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    /** A new id: 16 lowercase hex digits. */
    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
