package org.galley.enrich.story;

import java.util.regex.Pattern;

/**
 * The address of a preview: {@code /preview/<token>/}, where the token is the unguessable part ingest made from
 * its preview secret ({@code ArticleAccepted.previewToken}). The token must be URL-safe (letters, digits,
 * {@code -} and {@code _}) and long enough not to be guessed, so the path needs no escaping and a mistyped or
 * truncated token fails here, with its reason, instead of giving a page at a guessable address.
 */
public final class Previews {

    /** The first path segment of every preview; {@code Slugs.path} keeps stories out of it. */
    public static final String SEGMENT = "preview";

    /** The shortest token taken: 16 URL-safe characters are 96 bits, beyond guessing. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{" + MIN_TOKEN_LENGTH + ",}");

    private Previews() {
    }

    /**
     * @throws IllegalArgumentException when the token is missing, too short or not URL-safe
     */
    public static String path(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("A preview token must be at least " + MIN_TOKEN_LENGTH
                    + " letters, digits, '-' or '_'" + (token == null ? ", was none" : ", was " + token.length()
                    + " characters"));
        }
        return "/" + SEGMENT + "/" + token + "/";
    }
}
