package org.galley.ingest.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;

/**
 * Decides whether a submission can be published, and if not, says every reason why in words an editor can
 * act on. The same checks apply to stories from the HTTP front door, story files and tools writing to Kafka
 * directly. Pure: no Kafka, no clock.
 *
 * <p>Every text, ids included, may hold only characters HTML and XML can carry ({@link TextCharacters}): no
 * control characters but tab, line feed and CRLF, no noncharacters such as U+FFFF, and clean UTF-8. A
 * producer writing to Kafka may put bytes that are not UTF-8 into an Avro string; Avro's decoder does not
 * refuse them but replaces each bad sequence with U+FFFD REPLACEMENT CHARACTER, so the story would be
 * published with garbage. Every U+FFFD is therefore rejected as {@code bad-utf8}: a newsroom has no use for
 * the character itself, and on every path it is by far most often the trace of broken bytes. A lone UTF-16
 * surrogate (from a JSON escape such as "\ud800") is rejected the same way, since it cannot be written as
 * UTF-8. Each reason names the field, the code point and the character it is at.
 */
public final class SubmissionValidator {

    private final ValidationLimits limits;

    public SubmissionValidator(ValidationLimits limits) {
        this.limits = limits;
    }

    /** Every problem with the submission; empty when it can go on. */
    public List<RejectionReason> validate(ArticleSubmitted submission) {
        List<RejectionReason> reasons = new ArrayList<>();
        requireText(reasons, "articleId", submission.getArticleId(), ValidationLimits.MAX_ARTICLE_ID);
        requireText(reasons, "source", submission.getSource(), ValidationLimits.MAX_SOURCE);
        if (submission.getRevision() < 1) {
            reasons.add(reason("revision", ReasonCodes.BAD_REVISION,
                    "The revision must be 1 or higher (was " + submission.getRevision()
                            + "); send a higher revision for each correction."));
        }
        // Taking a story down needs only to name it; whatever else an UNPUBLISH carries is never shown.
        if (submission.getAction() == Action.PUBLISH) {
            validateStory(reasons, submission);
        } else if (submission.getPreview()) {
            reasons.add(reason("preview", ReasonCodes.BAD_VALUE,
                    "A takedown has no page to preview; send it without preview, or preview a story to publish."));
        }
        return List.copyOf(reasons);
    }

    private void validateStory(List<RejectionReason> reasons, ArticleSubmitted submission) {
        requireText(reasons, "headline", submission.getHeadline(), ValidationLimits.MAX_HEADLINE);
        optionalText(reasons, "dek", submission.getDek(), ValidationLimits.MAX_DEK);
        requireText(reasons, "byline", submission.getByline(), ValidationLimits.MAX_BYLINE);
        requireText(reasons, "category", submission.getCategory(), ValidationLimits.MAX_CATEGORY);
        validateBody(reasons, submission.getBodyMarkdown());
        validateTags(reasons, submission.getTags());
        validateHero(reasons, submission.getHero());
        validateLanguage(reasons, submission.getLanguage());
        validateSize(reasons, submission);
    }

    private void validateBody(List<RejectionReason> reasons, String body) {
        if (isBlank(body)) {
            reasons.add(required("bodyMarkdown", "The story has no body text; add the story below the headline."));
            return;
        }
        int bytes = utf8Length(body);
        if (bytes > limits.maxStoryBytes()) {
            reasons.add(reason("bodyMarkdown", ReasonCodes.TOO_LARGE, "The body is " + bytes
                    + " bytes, over the limit of " + limits.maxStoryBytes() + " bytes; split or shorten the story."));
        }
        checkCharacters(reasons, "bodyMarkdown", body);
    }

    private void validateTags(List<RejectionReason> reasons, List<String> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > ValidationLimits.MAX_TAGS) {
            reasons.add(reason("tags", ReasonCodes.TOO_MANY, "The story has " + tags.size()
                    + " tags; keep at most " + ValidationLimits.MAX_TAGS + ", the most important first."));
        }
        for (int i = 0; i < tags.size(); i++) {
            String field = "tags[" + i + "]";
            String tag = tags.get(i);
            if (isBlank(tag)) {
                reasons.add(required(field, "Tag " + (i + 1) + " is empty; remove it or give it a name."));
                continue;
            }
            checkLength(reasons, field, tag, ValidationLimits.MAX_TAG);
            checkCharacters(reasons, field, tag);
        }
    }

    private void validateHero(List<RejectionReason> reasons, HeroImage hero) {
        if (hero == null) {
            return;
        }
        String url = hero.getUrl();
        if (isBlank(url)) {
            reasons.add(required("hero.url", "The hero image has no URL; give its address or remove the hero."));
        } else {
            checkLength(reasons, "hero.url", url, ValidationLimits.MAX_HERO_URL);
            checkCharacters(reasons, "hero.url", url);
            if (!isHttpUrl(url.strip())) {
                reasons.add(reason("hero.url", ReasonCodes.BAD_URL, "The hero image URL '" + abbreviate(url)
                        + "' is not an absolute http or https address; use one such as https://example.org/photo.jpg."));
            }
        }
        if (isBlank(hero.getAlt())) {
            reasons.add(required("hero.alt",
                    "The hero image has no alt text; describe the image for readers who cannot see it."));
        } else {
            checkLength(reasons, "hero.alt", hero.getAlt(), ValidationLimits.MAX_HERO_ALT);
            checkCharacters(reasons, "hero.alt", hero.getAlt());
        }
        optionalText(reasons, "hero.caption", hero.getCaption(), ValidationLimits.MAX_HERO_CAPTION);
        optionalText(reasons, "hero.credit", hero.getCredit(), ValidationLimits.MAX_HERO_CREDIT);
    }

    private void validateLanguage(List<RejectionReason> reasons, String language) {
        if (isBlank(language)) {
            reasons.add(required("language", "The story has no language; give a language tag such as 'en'."));
            return;
        }
        checkCharacters(reasons, "language", language);
        if (language.length() > ValidationLimits.MAX_LANGUAGE || !isLanguageTag(language)) {
            reasons.add(reason("language", ReasonCodes.BAD_LANGUAGE, "The language '" + abbreviate(language)
                    + "' is not a language tag; use one such as 'en', 'de' or 'pt-BR'."));
        }
    }

    private void validateSize(List<RejectionReason> reasons, ArticleSubmitted submission) {
        int bodyBytes = utf8Length(submission.getBodyMarkdown());
        if (bodyBytes > limits.maxStoryBytes()) {
            return; // already reported on the body, the part an editor has to shorten
        }
        long total = storyBytes(submission);
        if (total > limits.maxStoryBytes()) {
            reasons.add(reason("payload", ReasonCodes.TOO_LARGE, "The story is " + total
                    + " bytes, over the limit of " + limits.maxStoryBytes() + " bytes; shorten it."));
        }
    }

    /** The size of all the story's texts in UTF-8 bytes. */
    static long storyBytes(ArticleSubmitted submission) {
        long total = 0;
        for (String text : new String[] {submission.getArticleId(), submission.getHeadline(), submission.getDek(),
                submission.getByline(), submission.getCategory(), submission.getBodyMarkdown(),
                submission.getSource(), submission.getLanguage()}) {
            total += utf8Length(text);
        }
        if (submission.getTags() != null) {
            for (String tag : submission.getTags()) {
                total += utf8Length(tag);
            }
        }
        HeroImage hero = submission.getHero();
        if (hero != null) {
            total += utf8Length(hero.getUrl()) + utf8Length(hero.getAlt())
                    + utf8Length(hero.getCaption()) + utf8Length(hero.getCredit());
        }
        return total;
    }

    private static void requireText(List<RejectionReason> reasons, String field, String value, int maxLength) {
        if (isBlank(value)) {
            reasons.add(required(field, "The " + describe(field) + " is missing; every story needs one."));
            return;
        }
        checkLength(reasons, field, value, maxLength);
        checkCharacters(reasons, field, value);
    }

    private static void optionalText(List<RejectionReason> reasons, String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        checkLength(reasons, field, value, maxLength);
        checkCharacters(reasons, field, value);
    }

    private static void checkLength(List<RejectionReason> reasons, String field, String value, int maxLength) {
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            reasons.add(reason(field, ReasonCodes.TOO_LONG, "The " + describe(field) + " is " + length
                    + " characters long; shorten it to at most " + maxLength + "."));
        }
    }

    private static void checkCharacters(List<RejectionReason> reasons, String field, String value) {
        for (TextCharacters.Refused refused : TextCharacters.check(value)) {
            reasons.add(reason(field, refused.kind().code(), "The " + describe(field) + " contains "
                    + refused.codePointName() + " at character " + refused.character() + ", "
                    + refused.kind().explanation() + "."));
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLanguageTag(String language) {
        try {
            new Locale.Builder().setLanguageTag(language);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static String describe(String field) {
        switch (field) {
            case "articleId": return "article id";
            case "bodyMarkdown": return "body";
            case "hero.url": return "hero image URL";
            case "hero.alt": return "hero image alt text";
            case "hero.caption": return "hero image caption";
            case "hero.credit": return "hero image credit";
            default:
                return field.startsWith("tags[")
                        ? "tag " + (Integer.parseInt(field.substring(5, field.length() - 1)) + 1)
                        : field;
        }
    }

    /** A value quoted in a message: shortened, and with every character HTML and XML cannot carry named. */
    private static String abbreviate(String value) {
        String shown = TextCharacters.visible(value);
        return shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static RejectionReason required(String field, String message) {
        return reason(field, ReasonCodes.REQUIRED, message);
    }

    private static RejectionReason reason(String field, String code, String message) {
        return new RejectionReason(field, code, message);
    }
}
