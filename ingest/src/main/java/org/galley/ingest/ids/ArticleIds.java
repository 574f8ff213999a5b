package org.galley.ingest.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;

/**
 * The article id ingest gives a story sent without one: {@code <date>-<headline slug>-<fingerprint>}, e.g.
 * {@code 2026-04-28-budget-vote-delayed-k3f9qa}. The date is the story's {@code publishedAt} (else when it was
 * submitted), in UTC; the slug is the headline in lower-case ASCII words, at most {@link #MAX_SLUG} characters;
 * the fingerprint is six characters of a SHA-256 over the story's content (everything but its id, revision,
 * source and submission time).
 *
 * <p>Why always a fingerprint, rather than a suffix only when the plain slug is taken: the id is then a pure
 * function of the story, so a tool that retries the same POST (on any ingest instance, before or after the first
 * one was stored) gets the same id, and two different stories with one headline on one day get two ids even when
 * they arrive together. Asking the status store first could do neither: it lags the topology, it is spread over
 * the instances, and check-then-send races. Pure.
 */
public final class ArticleIds {

    /** The longest headline slug in an id; the whole id stays far below the 200-character limit. */
    public static final int MAX_SLUG = 60;
    /** The slug of a headline with no Latin letters or digits (the fingerprint still tells stories apart). */
    static final String NO_SLUG = "story";
    static final int FINGERPRINT_LENGTH = 6;
    // Crockford's base 32 in lower case: no i, l, o or u, so an id read aloud or copied by hand survives.
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private ArticleIds() {
    }

    /** The id for this story, which came without one; its own {@code articleId} is ignored. */
    public static String assign(ArticleSubmitted story) {
        return date(story) + "-" + slug(story.getHeadline()) + "-" + fingerprint(story);
    }

    /** The headline as lower-case ASCII words joined by '-', accents dropped, cut at a word end. */
    static String slug(String headline) {
        String ascii = Normalizer.normalize(headline == null ? "" : headline, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX_SLUG) {
            int cut = ascii.lastIndexOf('-', MAX_SLUG);
            ascii = ascii.substring(0, cut > 0 ? cut : MAX_SLUG);
        }
        return ascii.isEmpty() ? NO_SLUG : ascii;
    }

    private static LocalDate date(ArticleSubmitted story) {
        Instant when = story.getPublishedAt() != null ? story.getPublishedAt() : story.getSubmittedAt();
        return LocalDate.ofInstant(when, ZoneOffset.UTC);
    }

    /**
     * Six base-32 characters (30 bits) of a SHA-256 over what the story says. The submission time is left out
     * because a tool that omits it gets "now", which differs on every retry.
     */
    static String fingerprint(ArticleSubmitted story) {
        StringBuilder content = new StringBuilder();
        field(content, story.getAction().name());
        field(content, story.getHeadline());
        field(content, story.getDek());
        field(content, story.getByline());
        field(content, story.getCategory());
        field(content, story.getBodyMarkdown());
        List<String> tags = story.getTags();
        field(content, Integer.toString(tags.size()));
        tags.forEach(tag -> field(content, tag));
        HeroImage hero = story.getHero();
        field(content, hero == null ? null : hero.getUrl());
        field(content, hero == null ? null : hero.getAlt());
        field(content, hero == null ? null : hero.getCaption());
        field(content, hero == null ? null : hero.getCredit());
        field(content, story.getPublishedAt() == null ? null : Long.toString(story.getPublishedAt().toEpochMilli()));
        field(content, story.getLanguage());
        byte[] hash = sha256(content.toString());
        long bits = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        char[] out = new char[FINGERPRINT_LENGTH];
        for (int i = FINGERPRINT_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(out);
    }

    /** Length-prefixed, so no two different stories write the same text ("ab" + "c" against "a" + "bc"). */
    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-;");
        } else {
            content.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
