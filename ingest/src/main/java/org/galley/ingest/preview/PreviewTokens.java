package org.galley.ingest.preview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.galley.events.ArticleSubmitted;
import org.galley.runtime.ServiceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unguessable part of a preview's address: an HMAC-SHA256 of the story's id, revision and submission time
 * under ingest's preview secret ({@code GALLEY_PREVIEW_SECRET}), 32 base64url characters (192 bits). Only whoever
 * holds the secret, or was told the address, can find a preview; the same submission always gets the same one,
 * so the HTTP front door can answer it before the topology has written it.
 */
public final class PreviewTokens {

    /** How many bytes of secret a generated one has, and the least a configured one must have. */
    public static final int SECRET_BYTES = 32;
    private static final int TOKEN_CHARACTERS = 32;

    private static final Logger log = LoggerFactory.getLogger(PreviewTokens.class);
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("(?:[0-9a-fA-F]{2}){32,}");

    private final byte[] secret;

    /**
     * From {@code GALLEY_PREVIEW_SECRET}: hex (64 characters or more), else the text's UTF-8 bytes (32 or more).
     * Without one, a random secret: previews work, but their addresses are this process's alone, so a
     * scaled-out ingest, or one that restarts between a preview and the newsroom's look at its status, needs the
     * variable set, the same on every instance.
     */
    public static PreviewTokens fromConfig(ServiceConfig config) {
        return config.find("GALLEY_PREVIEW_SECRET")
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> new PreviewTokens(HEX.matcher(text).matches() ? java.util.HexFormat.of().parseHex(text)
                        : text.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> {
                    log.warn("GALLEY_PREVIEW_SECRET is not set: previews get addresses from a random secret of this "
                            + "process; set it (the same on every ingest instance) for addresses that hold across "
                            + "restarts and instances.");
                    return new PreviewTokens(randomSecret());
                });
    }

    public PreviewTokens(byte[] secret) {
        if (secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("GALLEY_PREVIEW_SECRET must hold at least " + SECRET_BYTES
                    + " bytes (e.g. 64 hex characters from `openssl rand -hex 32`), had " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** A secret of {@link #SECRET_BYTES} random bytes, for a deployment that configured none. */
    public static byte[] randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public String tokenFor(ArticleSubmitted preview) {
        String subject = preview.getArticleId() + "\n" + preview.getRevision() + "\n"
                + preview.getSubmittedAt().toEpochMilli();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, TOKEN_CHARACTERS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The preview's site-relative path, as render writes it to the previews topic. */
    public static String path(String token) {
        return "/preview/" + token + "/";
    }
}
