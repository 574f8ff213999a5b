package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.galley.enrich.text.Sentences;

/**
 * Tags a story from the newsroom's {@link Vocabulary}.
 *
 * <ol>
 *   <li>The editor's tags come first, in the editor's order, trimmed; one that is a vocabulary term's name or
 *       alias becomes that term ("AWS" is filed as "Amazon Web Services"). Tags with no letters or digits are
 *       skipped.</li>
 *   <li>Then every term the story names, matched on whole words: a mention in the headline weighs
 *       {@value #HEADLINE_WEIGHT}, in the dek {@value #DEK_WEIGHT}, in the body {@value #BODY_WEIGHT}. When aliases
 *       overlap, the longest wins ("Amazon Web Services" is not also "Amazon"). Heavier terms come first; ties go
 *       to the term named first.</li>
 *   <li>No two tags share a slug, and found tags are added only while there are fewer than the cap; the editor's
 *       own tags are always kept.</li>
 * </ol>
 */
public final class VocabularyTagger implements Tagger {

    public static final int HEADLINE_WEIGHT = 3;
    public static final int DEK_WEIGHT = 2;
    public static final int BODY_WEIGHT = 1;
    public static final int DEFAULT_MAX_TAGS = 8;

    private static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String WORD_AFTER = "(?![\\p{L}\\p{N}_])";

    private final Vocabulary vocabulary;
    private final int maxTags;
    private final List<CompiledAlias> aliases;

    private record CompiledAlias(Vocabulary.Term term, Pattern pattern, List<Pattern> context) {
    }

    private record Match(int start, int end, Vocabulary.Term term) {
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

    public VocabularyTagger(Vocabulary vocabulary, int maxTags) {
        if (maxTags < 1) {
            throw new IllegalArgumentException("the tag cap must be at least 1, was " + maxTags);
        }
        this.vocabulary = vocabulary;
        this.maxTags = maxTags;
        this.aliases = vocabulary.terms().stream()
                .flatMap(term -> term.aliases().stream().map(alias -> new CompiledAlias(term,
                        words(alias.text(), alias.caseSensitive()),
                        alias.context().stream().map(word -> words(word, false)).toList())))
                .toList();
    }

    @Override
    public List<StoryTag> tag(TaggableStory story) {
        Map<String, StoryTag> tags = new LinkedHashMap<>();
        for (String editorTag : story.editorTags()) {
            StoryTag tag = vocabulary.termFor(editorTag)
                    .map(Vocabulary.Term::tag)
                    .orElseGet(() -> hasLetterOrDigit(editorTag) ? StoryTag.named(editorTag) : null);
            if (tag != null) {
                tags.putIfAbsent(tag.slug(), tag);
            }
        }
        for (Vocabulary.Term term : found(story)) {
            if (tags.size() >= maxTags) {
                break;
            }
            tags.putIfAbsent(term.slug(), term.tag());
        }
        return List.copyOf(tags.values());
    }

    /** The vocabulary terms a story names, most salient first. */
    public List<Vocabulary.Term> found(TaggableStory story) {
        // Keyed by name, which the vocabulary keeps unique, so no slug is computed per match.
        Map<String, Salience> byTerm = new LinkedHashMap<>();
        String[] fields = {story.headline(), story.dek(), story.body()};
        int[] weights = {HEADLINE_WEIGHT, DEK_WEIGHT, BODY_WEIGHT};
        long offset = 0;
        for (int field = 0; field < fields.length; field++) {
            for (Match match : matches(fields[field], story.locale())) {
                long position = offset + match.start();
                byTerm.computeIfAbsent(match.term().name(), name -> new Salience(match.term(), position))
                        .weight += weights[field];
            }
            offset += fields[field].length() + 1;
        }
        return byTerm.values().stream()
                .sorted(Comparator.<Salience>comparingInt(s -> -s.weight).thenComparingLong(s -> s.firstSeen))
                .map(s -> s.term)
                .toList();
    }

    private List<Match> matches(String text, Locale locale) {
        List<Match> all = new ArrayList<>();
        for (CompiledAlias alias : aliases) {
            Matcher matcher = alias.pattern().matcher(text);
            while (matcher.find()) {
                if (alias.context().isEmpty() || inContext(text, matcher.start(), alias.context(), locale)) {
                    all.add(new Match(matcher.start(), matcher.end(), alias.term()));
                }
            }
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

    private static boolean inContext(String text, int index, List<Pattern> context, Locale locale) {
        int[] sentence = Sentences.around(text, index, locale);
        String words = text.substring(sentence[0], sentence[1]);
        return context.stream().anyMatch(word -> word.matcher(words).find());
    }

    /** A pattern for whole words; a space in them also matches a hyphen, so "open source" finds "open-source". */
    private static Pattern words(String words, boolean caseSensitive) {
        String body = Arrays.stream(words.split(" ")).map(Pattern::quote).collect(Collectors.joining("[\\s\\u00A0-]+"));
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile(WORD_BEFORE + body + WORD_AFTER, flags);
    }

    private static boolean hasLetterOrDigit(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
