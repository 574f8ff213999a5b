package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
 *   <li>its score is at most {@value #MAX_SCORE} (tuned on the articles in the test corpus); YAKE scores run
 *       higher in short texts, so below {@value #FULL_LENGTH} words the limit grows in proportion.</li>
 * </ul>
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
    private static final double NAME_FACTOR = 0.5;
    private static final double UP_FRONT_FACTOR = 0.5;

    private final StopWords stopWords;

    public Keyphrases(StopWords stopWords) {
        this.stopWords = stopWords;
    }

    /** Phrases good enough to be tags, most salient first. */
    public List<Keyphrase> tagWorthy(TaggableStory story) {
        List<Words.Word> words = Words.of(story, stopWords);
        double limit = MAX_SCORE * Math.max(1.0, (double) FULL_LENGTH / Math.max(1, words.size()));
        return candidates(words).stream().filter(phrase -> isTagWorthy(phrase, limit)).toList();
    }

    /** Every candidate phrase, most salient first. */
    public List<Keyphrase> candidates(TaggableStory story) {
        return candidates(Words.of(story, stopWords));
    }

    private List<Keyphrase> candidates(List<Words.Word> words) {
        Map<String, Double> weights = TermWeights.of(words);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (int start = 0; start < words.size(); start++) {
            if (!words.get(start).content()) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (int n = 1; n <= MAX_WORDS && start + n <= words.size(); n++) {
                Words.Word last = words.get(start + n - 1);
                if (n > 1 && (!last.joined() || !(last.content() || last.stop()))) {
                    break;
                }
                if (n > 1) {
                    key.append(' ');
                }
                key.append(last.key());
                if (last.content()) {
                    List<Words.Word> phrase = words.subList(start, start + n);
                    Candidate candidate = candidates.get(key.toString());
                    if (candidate == null) {
                        candidate = new Candidate(phrase, start);
                        candidates.put(key.toString(), candidate);
                    }
                    candidate.seen(phrase, neighbour(words, start - 1, start), neighbour(words, start + n, start + n));
                }
            }
        }
        mergeSurnamesIntoFullNames(candidates);
        return candidates.values().stream()
                .filter(candidate -> candidate.isName() || !candidate.hasStopWord)
                .filter(candidate -> !candidate.isFragment())
                .map(candidate -> candidate.keyphrase(weights, stopWords))
                .sorted(Comparator.comparingDouble(Keyphrase::score))
                .toList();
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

    private static boolean isTagWorthy(Keyphrase phrase, double limit) {
        if (phrase.frequency() < 2 || phrase.score() > limit) {
            return false;
        }
        if (phrase.name()) {
            return true;
        }
        return phrase.words().size() > 1 && (phrase.frequency() >= 3 || phrase.upFront());
    }

    private static void mergeSurnamesIntoFullNames(Map<String, Candidate> candidates) {
        Map<Integer, List<Candidate>> byFirstMention = new HashMap<>();
        for (Candidate candidate : candidates.values()) {
            byFirstMention.computeIfAbsent(candidate.firstMention, at -> new ArrayList<>()).add(candidate);
        }
        candidates.values().removeIf(single -> {
            if (single.size != 1 || !single.isName()) {
                return false;
            }
            Candidate full = null;
            for (int at = single.firstMention - MAX_WORDS + 1; at < single.firstMention; at++) {
                for (Candidate longer : byFirstMention.getOrDefault(at, List.of())) {
                    if (at + longer.size > single.firstMention && longer.isName() && !longer.hasStopWord
                            && (full == null || longer.size > full.size)) {
                        full = longer;
                    }
                }
            }
            if (full == null) {
                return false;
            }
            full.absorb(single);
            return true;
        });
    }

    /** What is known of one phrase while the story is read. */
    private static final class Candidate {
        private final List<String> keys;
        private final int size;
        private final int firstMention;
        private final boolean hasStopWord;
        private final Map<String, Integer> forms = new HashMap<>();
        private final Map<String, Integer> nameForms = new HashMap<>();
        private int frequency;
        private int nameEvidence;
        private int commonEvidence;
        private boolean upFront;
        private Candidate surname;
        private String left;
        private String right;
        private boolean sameLeft = true;
        private boolean sameRight = true;

        private Candidate(List<Words.Word> phrase, int firstMention) {
            this.keys = phrase.stream().map(Words.Word::key).toList();
            this.size = phrase.size();
            this.firstMention = firstMention;
            this.hasStopWord = phrase.stream().anyMatch(Words.Word::stop);
        }

        void seen(List<Words.Word> phrase, String leftWord, String rightWord) {
            if (frequency == 0) {
                left = leftWord;
                right = rightWord;
            } else {
                sameLeft &= Objects.equals(left, leftWord);
                sameRight &= Objects.equals(right, rightWord);
            }
            frequency++;
            upFront |= phrase.get(0).field() != Words.BODY;
            boolean allCapitals = true;
            boolean signal = false;
            boolean lowercase = false;
            for (Words.Word word : phrase) {
                if (word.stop()) {
                    continue;
                }
                if (word.acronym()) {
                    signal = true;
                } else if (!word.capitalised()) {
                    allCapitals = false;
                    lowercase |= word.caseSignal();
                } else {
                    signal |= word.caseSignal();
                }
            }
            String form = form(phrase);
            forms.merge(form, 1, Integer::sum);
            if (allCapitals && signal) {
                nameEvidence++;
                nameForms.merge(form, 1, Integer::sum);
            } else if (lowercase) {
                commonEvidence++;
            }
        }

        /** Always written with the same word before or after it: part of a longer phrase ("Source Time-Series"). */
        boolean isFragment() {
            return (sameLeft && left != null) || (sameRight && right != null);
        }

        boolean isName() {
            return nameEvidence > commonEvidence;
        }

        void absorb(Candidate shorter) {
            surname = shorter;
            nameEvidence += shorter.nameEvidence;
            upFront |= shorter.upFront;
        }

        Keyphrase keyphrase(Map<String, Double> weights, StopWords stopWords) {
            int mentions = surname == null ? frequency : Math.max(frequency, surname.frequency);
            double score = score(weights, mentions);
            if (surname != null) {
                score = Math.min(score, surname.score(weights, surname.frequency));
            }
            boolean name = isName();
            score *= (name ? NAME_FACTOR : 1) * (upFront ? UP_FRONT_FACTOR : 1);
            String display = name ? mostUsed(nameForms) : titleCase(mostUsed(forms), stopWords);
            return new Keyphrase(display, keys, score, mentions, name, upFront);
        }

        private double score(Map<String, Double> weights, int mentions) {
            double product = 1;
            double sum = 0;
            for (String key : keys) {
                Double weight = weights.get(key);
                if (weight != null) {
                    product *= weight;
                    sum += weight;
                }
            }
            return product / (mentions * (1 + sum));
        }

        private static String form(List<Words.Word> phrase) {
            StringBuilder form = new StringBuilder();
            for (Words.Word word : phrase) {
                if (form.length() > 0) {
                    form.append(' ');
                }
                form.append(word.text());
            }
            return form.toString();
        }

        private static String mostUsed(Map<String, Integer> forms) {
            return forms.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder())))
                    .orElseThrow().getKey();
        }

        private static String titleCase(String phrase, StopWords stopWords) {
            String[] words = phrase.split(" ");
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                if (i > 0) {
                    title.append(' ');
                }
                boolean inner = i > 0 && i < words.length - 1 && stopWords.contains(word);
                title.append(inner ? word.toLowerCase(Locale.ROOT)
                        : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            return title.toString();
        }
    }
}
