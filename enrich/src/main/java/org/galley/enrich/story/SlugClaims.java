package org.galley.enrich.story;

import java.util.Optional;
import java.util.function.Function;

import org.galley.enrich.text.Slugs;

/**
 * Makes a new story's slug unique: the slug its headline gives when no other story owns it, else the first free
 * of {@code -2}, {@code -3}, and so on. A story that already owns the slug gets it back.
 */
public final class SlugClaims {

    private SlugClaims() {
    }

    public static String firstFree(String candidate, String articleId, Function<String, Optional<String>> ownerOf) {
        String slug = candidate;
        for (int n = 2; !ownerOf.apply(slug).map(articleId::equals).orElse(true); n++) {
            slug = Slugs.withSuffix(candidate, n);
        }
        return slug;
    }
}
