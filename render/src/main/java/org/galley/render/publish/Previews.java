package org.galley.render.publish;

import java.util.regex.Pattern;

import org.galley.events.Action;
import org.galley.events.ArticleEnriched;

/**
 * Preview pages: an enriched story with a {@code previewToken} is a draft shown to the newsroom at
 * {@code /preview/<token>/}, on the previews topic only. It is never published: no event on
 * {@code articles.published}, nothing on the pages topic, and nothing of it in render's path store, so publishing
 * the story later is exactly as if it had never been previewed.
 */
public final class Previews {

    // The token is the address's only secret: URL-safe, so the path needs no escaping, and long enough
    // (96 bits and more) that no one finds a preview by trying addresses. Enrich checks the same.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,}");

    private Previews() {
    }

    public static boolean isPreview(ArticleEnriched article) {
        return article != null && article.getPreviewToken() != null;
    }

    /**
     * The preview page's path, {@code /preview/<token>/}: the key of its page on the previews topic.
     *
     * @throws IllegalArgumentException when the preview cannot be shown: a takedown (there is nothing to show),
     *                                   a token that is not long and URL-safe, or a path other than the token's
     */
    public static String path(ArticleEnriched article) {
        String articleId = article.getSubmission().getArticleId();
        if (article.getSubmission().getAction() != Action.PUBLISH) {
            throw new IllegalArgumentException("Preview of article " + articleId + " is a "
                    + article.getSubmission().getAction() + ": only a story to publish can be previewed");
        }
        String token = article.getPreviewToken();
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("Preview of article " + articleId
                    + " needs a token of at least 16 letters, digits, '-' or '_'");
        }
        String path = "/preview/" + token + "/";
        if (!path.equals(article.getPath())) {
            // Not echoed: one of the two may be the live story's path, the other holds the secret.
            throw new IllegalArgumentException("Preview of article " + articleId + " is not at its token's path");
        }
        return path;
    }
}
