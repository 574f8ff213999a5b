package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the phrases a story is about that no vocabulary lists: a YAKE-style extractor (see {@link TermWeights})
 * over phrases of one to {@value #MAX_WORDS} words that neither start nor end with a stop-word, hold no number
 * standing alone and cross no punctuation. A phrase scores {@code prod H(w) / (tf * (1 + sum H(w)))} over its
 * content words, as in YAKE; names (proper nouns and acronyms) and phrases in the headline or dek score better.
 *
 * <p>{@link #tagWorthy} is deliberately strict, because an editor must never see "Said" or "Company" as a tag:
 * <ul>
 *   <li>a phrase is used at least twice;</li>
 *   <li>one word alone must be a name ("Kestrel", "NATO"); common words alone are too vague to file a story under;</li>
 *   <li>a common phrase ("news deserts") is used three times, or twice with once in the headline or dek, and has
 *       no stop-word inside (only a name may, as in "Bank of England");</li>
 *   <li>it is not made of generic words only ({@link StopWords#genericEnglish}: "Team", "Committee Members");</li>
 *   <li>its score is at most {@value #MAX_SCORE} (tuned on the articles in the test corpus); YAKE scores run
 *       higher in short texts, so below {@value #FULL_LENGTH} words the limit grows in proportion.</li>
 * </ul>
 * A single word only ever written inside longer names is the generic word they share, never a tag ("Team" of "Core
 * Team" and "Release Team", "State" of "State of Rust Survey").
 * A phrase always written with the same word before or after it is a fragment of a longer one and never a tag
 * ("Source Time-Series Database", "Northport" of "Northport City"). A surname after the full name counts for the
 * full name: when a name's first mention is inside a longer name
 * ("Maria Chen ... Chen said"), the two are one phrase, shown in full.
 */
public final class Keyphrases {

    public static final int MAX_WORDS = 3;
    static final double MAX_SCORE = 0.05;
    /** Stories shorter than this many words score higher, being short; their limit grows in proportion. */
    static final int FULL_LENGTH = 300;

    private final StopWords stopWords;
    private final StopWords genericWords;

    public Keyphrases(StopWords stopWords) {
        this(stopWords, StopWords.genericEnglish());
    }

    public Keyphrases(StopWords stopWords, StopWords genericWords) {
        this.stopWords = stopWords;
        this.genericWords = genericWords;
    }

    /** Phrases good enough to be tags, most salient first. */
    public List<Keyphrase> tagWorthy(TaggableStory story) {
        List<Words.Word> words = Words.of(story, stopWords);
        double limit = MAX_SCORE * Math.max(1.0, (double) FULL_LENGTH / Math.max(1, words.size()));
        double[] weights = TermWeights.of(words);
        List<Keyphrase> found = new ArrayList<>();
        // Most phrases are used once: they are dropped before any display name is built or anything sorted.
        for (Candidate candidate : read(words)) {
            if (candidate.mentions() >= 2) {
                Keyphrase phrase = candidate.keyphrase(words, weights, stopWords);
                if (isTagWorthy(phrase, limit) && !isGeneric(phrase, genericWords)) {
                    found.add(phrase);
                }
            }
        }
        found.sort(Comparator.comparingDouble(Keyphrase::score));
        return found;
    }

    /** Every candidate phrase, most salient first. */
    public List<Keyphrase> candidates(TaggableStory story) {
        List<Words.Word> words = Words.of(story, stopWords);
        double[] weights = TermWeights.of(words);
        return read(words).stream()
                .map(candidate -> candidate.keyphrase(words, weights, stopWords))
                .sorted(Comparator.comparingDouble(Keyphrase::score))
                .toList();
    }

    /** Every phrase of the story that may carry a keyphrase: no fragments, no common phrase around a stop-word. */
    private static List<Candidate> read(List<Words.Word> words) {
        // A phrase is keyed by its words' ids (plus one, so no word is 0), 21 bits each.
        Map<Long, Candidate> candidates = new HashMap<>();
        for (int start = 0; start < words.size(); start++) {
            if (!words.get(start).content()) {
                continue;
            }
            long key = 0;
            for (int n = 1; n <= MAX_WORDS && start + n <= words.size(); n++) {
                Words.Word last = words.get(start + n - 1);
                if (n > 1 && (!last.joined() || !(last.content() || last.stop()))) {
                    break;
                }
                key = (key << 21) | (last.id() + 1);
                if (last.content()) {
                    Candidate candidate = candidates.get(key);
                    if (candidate == null) {
                        candidate = new Candidate(words, start, n);
                        candidates.put(key, candidate);
                    }
                    candidate.seen(words, start, neighbour(words, start - 1, start), neighbour(words, start + n, start + n));
                }
            }
        }
        mergeSurnamesIntoFullNames(candidates.values());
        List<Candidate> valid = new ArrayList<>();
        for (Candidate candidate : candidates.values()) {
            if (candidate.surnameOf == null && (candidate.isName() || !candidate.hasStopWord) && !candidate.isFragment()
                    && !candidate.onlyInsideNames()) {
                valid.add(candidate);
            }
        }
        return valid;
    }

    /**
     * The key of the content word at {@code index} when only a space parts it from the phrase (the word at
     * {@code joint} runs on from the one before it), else null.
     */
    private static String neighbour(List<Words.Word> words, int index, int joint) {
        if (index < 0 || index >= words.size() || !words.get(joint).joined()) {
            return null;
        }
        Words.Word word = words.get(index);
        return word.content() ? word.key() : null;
    }

    /** Made of generic words only ("Team", "Committee Members"): it names no subject, however it is written. */
    static boolean isGeneric(Keyphrase phrase, StopWords genericWords) {
        return phrase.words().stream().allMatch(word -> genericWords.containsLowercase(word)
                || genericWords.containsLowercase(Words.folded(word)));
    }

    private static boolean isTagWorthy(Keyphrase phrase, double limit) {
        if (phrase.frequency() < 2 || phrase.score() > limit) {
            return false;
        }
        if (phrase.name()) {
            return true;
        }
        return phrase.words().size() > 1 && (phrase.frequency() >= 3 || phrase.upFront());
    }

    private static void mergeSurnamesIntoFullNames(Collection<Candidate> candidates) {
        Map<Integer, List<Candidate>> fullNamesByFirstMention = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.size > 1 && !candidate.hasStopWord && candidate.isName()) {
                fullNamesByFirstMention.computeIfAbsent(candidate.firstMention, at -> new ArrayList<>()).add(candidate);
            }
        }
        for (Candidate single : candidates) {
            if (single.size != 1 || !single.isName()) {
                continue;
            }
            Candidate full = null;
            for (int at = single.firstMention - MAX_WORDS + 1; at < single.firstMention; at++) {
                for (Candidate longer : fullNamesByFirstMention.getOrDefault(at, List.of())) {
                    if (at + longer.size > single.firstMention && (full == null || longer.size > full.size)) {
                        full = longer;
                    }
                }
            }
            if (full != null) {
                full.absorb(single);
            }
        }
    }
}
