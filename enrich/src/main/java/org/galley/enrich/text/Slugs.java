package org.galley.enrich.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL slugs and paths. A slug is ASCII: letters are folded to their base form (é to e, ß to ss, æ to ae, ø to o,
 * ł to l), lowercased, and every run of anything else becomes one hyphen. Slugs are cut at a word boundary to at
 * most {@value #MAX_LENGTH} characters, so a long headline still gives a readable address.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    /** The slug of last resort, for a story whose headline and id have no letters or digits in Latin script. */
    public static final String FALLBACK = "story";

    // Letters that Unicode decomposition does not reduce to ASCII.
    private static final Map<Character, String> TRANSLITERATIONS = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('ẞ', "ss"),
            Map.entry('æ', "ae"), Map.entry('Æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('Œ', "oe"),
            Map.entry('ø', "o"), Map.entry('Ø', "o"),
            Map.entry('ł', "l"), Map.entry('Ł', "l"),
            Map.entry('đ', "d"), Map.entry('Đ', "d"),
            Map.entry('ð', "d"), Map.entry('Ð', "d"),
            Map.entry('þ', "th"), Map.entry('Þ', "th"),
            Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('Ħ', "h"));

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // An apostrophe joins a word ("Microsoft's" -> "microsofts") rather than splitting it.
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02bc]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Slugs() {
    }

    /** The ASCII slug of a text, at most {@value #MAX_LENGTH} characters; empty when it has no Latin letters or digits. */
    public static String slugify(String text) {
        return slugify(text, MAX_LENGTH);
    }

    public static String slugify(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        // Most headlines and tags are ASCII already; only the others need Unicode folding.
        String ascii = text.chars().allMatch(c -> c < 0x80) ? text : fold(text);
        StringBuilder slug = new StringBuilder(ascii.length());
        boolean gap = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if (c == '\'') {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('-');
                }
                gap = false;
                slug.append(c);
            } else {
                gap = true;
            }
        }
        return cut(slug.toString(), maxLength);
    }

    /** Letters folded to their base form and every apostrophe made ASCII; other scripts are left as they are. */
    private static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(TRANSLITERATIONS.getOrDefault(c, String.valueOf(c)));
        }
        String ascii = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return APOSTROPHES.matcher(ascii).replaceAll("'");
    }

    /**
     * A story's slug: from its headline, else from its id, else {@value #FALLBACK}; never empty. A headline mostly
     * in a script without an ASCII form ("マイクロソフトとOpenAI、提携を見直し") gives way to the id too: the few
     * Latin letters it holds ("openai") would not name the story.
     */
    public static String storySlug(String headline, String articleId) {
        String slug = slugify(headline);
        if (slug.isEmpty() || lettersIn(slug) * 2 < lettersIn(headline)) {
            String fromId = slugify(articleId);
            slug = fromId.isEmpty() ? slug : fromId;
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    private static long lettersIn(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }

    /**
     * A tag's slug. Tags named only in other scripts (an editor's "人工知能") keep their letters, lowercased, so
     * they still get a tag page.
     */
    public static String tagSlug(String name) {
        String slug = slugify(name);
        if (!slug.isEmpty() || name == null) {
            return slug;
        }
        return cut(trimHyphens(NOT_LETTER_OR_DIGIT.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-")), MAX_LENGTH);
    }

    /**
     * First path segments the site serves itself: tag pages, story images, home's older pages (/page/2/) and
     * previews (/preview/<token>/).
     */
    private static final Set<String> SITE_SEGMENTS = Set.of("tags", "media", "page", "preview");

    /** The {@code n}th variant of a taken slug ("some-story-2"), shortened at a word boundary to stay within the cap. */
    public static String withSuffix(String slug, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("suffixes start at 2, was " + n);
        }
        String suffix = "-" + n;
        String base = cut(slug, MAX_LENGTH - suffix.length());
        return (base.isEmpty() ? FALLBACK : base) + suffix;
    }

    /**
     * The site-relative path of a story: {@code /<category-slug>/<slug>/}, or {@code /<slug>/} when the category
     * has no slug (an unpublish that names none). A first segment the site itself uses ({@code /tags/} for tag
     * pages, {@code /media/} for images, {@code /preview/} for previews) gets a suffix, so no story can shadow them.
     */
    public static String path(String category, String slug) {
        String section = slugify(category);
        if (section.isEmpty()) {
            return "/" + (SITE_SEGMENTS.contains(slug) ? slug + "-story" : slug) + "/";
        }
        return "/" + (SITE_SEGMENTS.contains(section) ? section + "-section" : section) + "/" + slug + "/";
    }

    private static String cut(String slug, int maxLength) {
        if (slug.length() <= maxLength) {
            return slug;
        }
        int boundary = slug.lastIndexOf('-', maxLength);
        // One unbroken word longer than the cap can only be cut inside the word.
        String cut = boundary > 0 ? slug.substring(0, boundary) : slug.substring(0, maxLength);
        return trimHyphens(cut);
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
