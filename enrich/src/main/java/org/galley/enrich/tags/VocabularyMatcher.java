package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.galley.enrich.text.Sentences;

/**
 * Finds the {@link Vocabulary}'s terms in a story, on whole words, weighted by where they are named: a mention in
 * the headline weighs 3, in the dek 2, in the opening of the body (its first third, and at least its first
 * {@value #OPENING_CHARACTERS} characters) 1, deeper in the body ½; an alias in common lowercase words ("database",
 * "goalkeeper") weighs half as much as a name, being weaker evidence. A term counts when its mentions weigh at
 * least 1: named up front, or mentioned again and again. A subject named once, deep in a story ("a native client
 * for Python" at the end of a database release note, "a database query" in an interview about code review) is
 * not what the story is about. When aliases overlap, the longest wins ("Amazon Web Services" is not also
 * "Amazon"). A Chinese, Japanese or Korean character
 * is a word boundary for a Latin name ("AI技術" names AI), since those scripts put no spaces between words.
 *
 * <p>Each alias is indexed by its first word, so a story is read once and an alias's pattern is tried only where
 * its first word stands, however large the vocabulary grows.
 */
public final class VocabularyMatcher {

    /** Weights in quarters, so a deep mention in common words is a whole number. */
    private static final int HEADLINE_WEIGHT = 12;
    private static final int DEK_WEIGHT = 8;
    private static final int OPENING_WEIGHT = 4;
    private static final int DEEP_WEIGHT = 2;
    private static final int MIN_WEIGHT = 4;
    static final int OPENING_CHARACTERS = 600;

    private static final Pattern VERSION = Pattern.compile("[ \\u00A0]v?\\d+(?:\\.\\d+)+(?![\\p{L}\\p{N}])");
    // CJK scripts start at U+2E80; below it no character needs the (slower) script lookup.
    private static final char FIRST_CJK = '\u2E80';

    private final Map<String, List<CompiledAlias>> byFirstWord = new HashMap<>();

    private record CompiledAlias(Vocabulary.Term term, int lead, boolean commonWords, Pattern pattern,
                                 List<Pattern> context) {
    }

    private record Match(int start, int end, Vocabulary.Term term, boolean commonWords) {
    }

    private static final class Salience {
        private final Vocabulary.Term term;
        private final long firstSeen;
        private int weight;

        private Salience(Vocabulary.Term term, long firstSeen) {
            this.term = term;
            this.firstSeen = firstSeen;
        }
    }

    public VocabularyMatcher(Vocabulary vocabulary) {
        for (Vocabulary.Term term : vocabulary.terms()) {
            for (Vocabulary.Alias alias : term.aliases()) {
                char[] text = alias.text().toCharArray();
                int lead = wordStart(text, 0);
                if (lead < 0) {
                    continue;
                }
                String first = alias.text().substring(lead, wordEnd(text, lead)).toLowerCase(Locale.ROOT);
                byFirstWord.computeIfAbsent(first, word -> new ArrayList<>()).add(new CompiledAlias(term, lead,
                        isLowercase(alias.text()), words(alias.text(), alias.caseSensitive()),
                        alias.context().stream().map(word -> words(word, false)).toList()));
            }
        }
    }

    /** The vocabulary terms a story is about, heaviest first; ties go to the term named first. */
    public List<Vocabulary.Term> found(TaggableStory story) {
        // Keyed by name, which the vocabulary keeps unique, so no slug is computed per match.
        Map<String, Salience> byTerm = new LinkedHashMap<>();
        String[] fields = {story.headline(), story.dek(), story.body()};
        int opening = Math.max(OPENING_CHARACTERS, story.body().length() / 3);
        long offset = 0;
        for (int field = 0; field < fields.length; field++) {
            for (Match match : matches(fields[field], story.locale())) {
                long position = offset + match.start();
                int weight = field == 0 ? HEADLINE_WEIGHT : field == 1 ? DEK_WEIGHT
                        : match.start() < opening ? OPENING_WEIGHT : DEEP_WEIGHT;
                if (match.commonWords()) {
                    weight /= 2;
                }
                byTerm.computeIfAbsent(match.term().name(), name -> new Salience(match.term(), position))
                        .weight += weight;
            }
            offset += fields[field].length() + 1;
        }
        return byTerm.values().stream()
                .filter(s -> s.weight >= MIN_WEIGHT)
                .sorted(Comparator.<Salience>comparingInt(s -> -s.weight).thenComparingLong(s -> s.firstSeen))
                .map(s -> s.term)
                .toList();
    }

    private List<Match> matches(String text, Locale locale) {
        List<Match> all = new ArrayList<>();
        // Words are found in an array: String.charAt on a UTF-16 story is a call C1 does not inline (see Words).
        char[] chars = text.toCharArray();
        for (int start = wordStart(chars, 0); start >= 0; ) {
            int end = wordEnd(chars, start);
            List<CompiledAlias> aliases = byFirstWord.get(new String(chars, start, end - start).toLowerCase(Locale.ROOT));
            if (aliases != null) {
                for (CompiledAlias alias : aliases) {
                    match(text, start - alias.lead(), alias, locale, all);
                }
            }
            start = wordStart(chars, end);
        }
        all.sort(Comparator.comparingInt(Match::start).thenComparingInt(match -> match.start() - match.end()));
        List<Match> kept = new ArrayList<>();
        int taken = 0;
        for (Match match : all) {
            if (match.start() >= taken) {
                kept.add(match);
                taken = match.end();
            }
        }
        return kept;
    }

    private static void match(String text, int at, CompiledAlias alias, Locale locale, List<Match> found) {
        if (at < 0) {
            return;
        }
        Matcher matcher = alias.pattern().matcher(text).region(at, text.length());
        if (matcher.lookingAt() && isWhole(text, at, matcher.end(), 0, text.length())
                && (alias.context().isEmpty() || inContext(text, at, alias.context(), locale)
                || isVersioned(text, matcher.end()))) {
            found.add(new Match(at, matcher.end(), alias.term(), alias.commonWords()));
        }
    }

    /**
     * A name followed by a version number ("Rust 1.58.1", "Go 1.22", "Kubernetes v1.31") is the product, whatever
     * the sentence says around it: a verb or a common word is never numbered so.
     */
    static boolean isVersioned(String text, int end) {
        return VERSION.matcher(text).region(end, text.length()).lookingAt();
    }

    private static boolean inContext(String text, int index, List<Pattern> context, Locale locale) {
        int[] sentence = Sentences.around(text, index, locale);
        for (Pattern word : context) {
            Matcher matcher = word.matcher(text).region(sentence[0], sentence[1]);
            for (int from = sentence[0]; from < sentence[1] && matcher.find(); ) {
                if (isWhole(text, matcher.start(), matcher.end(), sentence[0], sentence[1])) {
                    return true;
                }
                from = matcher.start() + 1;
                matcher.region(from, sentence[1]);
            }
        }
        return false;
    }

    /**
     * A pattern for the words themselves; a space in them also matches a hyphen, so "open source" finds
     * "open-source". Whether a match stands as whole words is {@link #isWhole}'s question: asked in code, once per
     * match, it costs far less than a look-behind the regex engine would try at every character of a sentence.
     */
    private static Pattern words(String words, boolean caseSensitive) {
        String body = Arrays.stream(words.split(" ")).map(Pattern::quote).collect(Collectors.joining("[\\s\\u00A0-]+"));
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile(body, flags);
    }

    /**
     * Whether {@code text[start, end)} stands as whole words within {@code [lo, hi)}: no letter, number or '_' runs
     * on from either side. A CJK character does not, since those scripts put no spaces between words.
     */
    static boolean isWhole(String text, int start, int end, int lo, int hi) {
        return (start <= lo || !runsOn(text.codePointBefore(start)))
                && (end >= hi || !runsOn(text.codePointAt(end)));
    }

    private static boolean runsOn(int codePoint) {
        if (codePoint == '_') {
            return true;
        }
        if (!Character.isLetter(codePoint)) {
            int type = Character.getType(codePoint);
            if (type != Character.DECIMAL_DIGIT_NUMBER && type != Character.LETTER_NUMBER
                    && type != Character.OTHER_NUMBER) {
                return false;
            }
        }
        return !isCjk(codePoint);
    }

    /** Written in lowercase letters only, like a common word; names, acronyms and CJK aliases are not. */
    private static boolean isLowercase(String text) {
        return text.chars().anyMatch(Character::isLowerCase) && text.chars().noneMatch(Character::isUpperCase);
    }

    /** Where the next word starts at or after {@code from}, or -1. */
    private static int wordStart(char[] text, int from) {
        for (int i = from; i < text.length; i++) {
            if (Character.isLetterOrDigit(text[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Where the word starting at {@code start} ends: a run of letters and digits, or one CJK character. */
    private static int wordEnd(char[] text, int start) {
        int first = Character.codePointAt(text, start);
        if (isCjk(first)) {
            return start + Character.charCount(first);
        }
        int i = start;
        while (i < text.length && Character.isLetterOrDigit(text[i]) && !isCjk(text[i])) {
            i++;
        }
        return i;
    }

    private static boolean isCjk(int codePoint) {
        if (codePoint < FIRST_CJK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
