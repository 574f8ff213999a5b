package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags a story the way an editor would accept.
 *
 * <ol>
 *   <li>The editor's tags come first, in the editor's order, trimmed; one that is a vocabulary term's name or
 *       alias becomes that term ("AWS" is filed as "Amazon Web Services"). Tags with no letters or digits are
 *       skipped. The editor's tags are always kept, even past the cap.</li>
 *   <li>Then the vocabulary terms the story names ({@link VocabularyMatcher}), heaviest first.</li>
 *   <li>For stories in English, the vocabulary terms that lead a name the keyphrase finder found ("Rust" for
 *       "Rust Standard Library"; see {@link #leadingTerm}).</li>
 *   <li>Then, for stories in English, up to {@value #MAX_KEYPHRASES} keyphrases the vocabulary lacks
 *       ({@link Keyphrases#tagWorthy}), most salient first. A keyphrase is skipped when it is a vocabulary name or
 *       alias (the vocabulary's rules decide those), when it holds or is held by a tag already chosen ("OpenAI
 *       models" after "OpenAI", "Chen" after "Maria Chen"), or when the vocabulary says to ignore it.</li>
 *   <li>No two tags share a slug, and found tags are added only while there are fewer than the cap.</li>
 * </ol>
 */
public final class StoryTagger implements Tagger {

    public static final int DEFAULT_MAX_TAGS = 8;
    public static final int MAX_KEYPHRASES = 4;

    private final Vocabulary vocabulary;
    private final VocabularyMatcher matcher;
    private final Keyphrases keyphrases;
    private final int maxTags;
    private final Map<String, List<List<String>>> aliasWords = new HashMap<>();
    private final List<List<String>> vocabularyWords = new ArrayList<>();
    private final List<List<String>> ignoredWords;

    public StoryTagger(Vocabulary vocabulary, int maxTags) {
        if (maxTags < 1) {
            throw new IllegalArgumentException("the tag cap must be at least 1, was " + maxTags);
        }
        this.vocabulary = vocabulary;
        this.matcher = new VocabularyMatcher(vocabulary);
        this.keyphrases = new Keyphrases(StopWords.english());
        this.maxTags = maxTags;
        for (Vocabulary.Term term : vocabulary.terms()) {
            List<List<String>> words = term.aliases().stream().map(alias -> Words.keysOf(alias.text())).toList();
            aliasWords.put(term.slug(), words);
            vocabularyWords.addAll(words);
        }
        this.ignoredWords = vocabulary.ignored().stream().map(Words::keysOf).toList();
    }

    @Override
    public List<StoryTag> tag(TaggableStory story) {
        Map<String, StoryTag> tags = new LinkedHashMap<>();
        List<List<String>> taken = new ArrayList<>();
        for (String editorTag : story.editorTags()) {
            StoryTag tag = vocabulary.termFor(editorTag)
                    .map(Vocabulary.Term::tag)
                    .orElseGet(() -> hasLetterOrDigit(editorTag) ? StoryTag.named(editorTag) : null);
            if (tag != null && tags.putIfAbsent(tag.slug(), tag) == null) {
                taken.addAll(aliasWords.getOrDefault(tag.slug(), List.of(Words.keysOf(tag.name()))));
            }
        }
        for (Vocabulary.Term term : matcher.found(story)) {
            if (tags.size() >= maxTags) {
                return List.copyOf(tags.values());
            }
            if (tags.putIfAbsent(term.slug(), term.tag()) == null) {
                taken.addAll(aliasWords.get(term.slug()));
            }
        }
        if (story.locale().getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            addKeyphrases(story, tags, taken);
        }
        return List.copyOf(tags.values());
    }

    private void addKeyphrases(TaggableStory story, Map<String, StoryTag> tags, List<List<String>> taken) {
        List<Keyphrase> found = keyphrases.tagWorthy(story);
        for (Keyphrase phrase : found) {
            Vocabulary.Term owner = leadingTerm(phrase);
            if (owner != null && tags.size() < maxTags && tags.putIfAbsent(owner.slug(), owner.tag()) == null) {
                taken.addAll(aliasWords.get(owner.slug()));
            }
        }
        int added = 0;
        for (Keyphrase phrase : found) {
            if (tags.size() >= maxTags || added >= MAX_KEYPHRASES) {
                return;
            }
            if (vocabularyWords.contains(phrase.words()) || overlaps(phrase.words(), ignoredWords)
                    || overlaps(phrase.words(), taken)) {
                continue;
            }
            StoryTag tag = phrase.tag();
            if (tags.putIfAbsent(tag.slug(), tag) == null) {
                taken.add(phrase.words());
                added++;
            }
        }
    }

    /**
     * The vocabulary term a name phrase starts with, spelt exactly as the term's name ("Rust" of "Rust Standard
     * Library", "GitHub" of "GitHub Actions"), or null. A name that leads a longer name is what that name belongs
     * to, so the story is about it too, even when no sentence gave the context its name needs on its own.
     */
    Vocabulary.Term leadingTerm(Keyphrase phrase) {
        if (!phrase.name()) {
            return null;
        }
        for (Vocabulary.Term term : vocabulary.terms()) {
            String name = term.name();
            if (phrase.display().length() > name.length() && phrase.display().startsWith(name)
                    && phrase.display().charAt(name.length()) == ' ') {
                return term;
            }
        }
        return null;
    }

    private static boolean overlaps(List<String> words, List<List<String>> others) {
        for (List<String> other : others) {
            if (!other.isEmpty() && (Collections.indexOfSubList(words, other) >= 0
                    || Collections.indexOfSubList(other, words) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetterOrDigit(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
