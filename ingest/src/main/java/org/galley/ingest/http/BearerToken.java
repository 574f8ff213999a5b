package org.galley.ingest.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks an {@code Authorization} header against the configured bearer token, in constant time. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** True when no token is configured, or the header carries exactly that token. */
    static boolean permits(Optional<String> expected, String authorizationHeader) {
        if (expected.isEmpty()) {
            return true;
        }
        if (authorizationHeader == null || authorizationHeader.length() < SCHEME.length()
                || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given = authorizationHeader.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected.get().getBytes(StandardCharsets.UTF_8));
    }
}
