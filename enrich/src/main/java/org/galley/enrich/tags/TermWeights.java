package org.galley.enrich.tags;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAKE's weight of each single word, from five local features of the story alone (R. Campos et al., "YAKE!
 * Keyword extraction from single documents using multiple local features", Information Sciences 509, 2020):
 *
 * <pre>
 *   H(w) = Position * Relatedness / (Casing + Frequency / Relatedness + Spread / Relatedness)
 * </pre>
 *
 * <ul>
 *   <li>Casing: how often the word is capitalised where capitals mean something, or is an acronym, damped by
 *       its frequency: {@code max(capitals, acronyms) / (1 + ln tf)}.</li>
 *   <li>Position: {@code ln(ln(3 + median sentence))}; words of the headline and first sentences weigh less.</li>
 *   <li>Frequency: {@code tf / (mean tf + standard deviation of tf)} over the story's content words.</li>
 *   <li>Relatedness: {@code (0.5 + left * tf / max tf) + (0.5 + right * tf / max tf)}, where left and right are
 *       the share of distinct words seen beside it; a word that stands beside anything (like "new") is less
 *       likely a subject.</li>
 *   <li>Spread: the share of sentences that use it.</li>
 * </ul>
 *
 * A lower weight means a more salient word. Stop-words and numbers get no weight.
 */
final class TermWeights {

    private static final class Stats {
        int frequency;
        int capitals;
        int acronyms;
        int sentences;
        int lastSentence = -1;
        int[] positions = new int[4];
        final Set<String> left = new HashSet<>();
        final Set<String> right = new HashSet<>();
        int leftTotal;
        int rightTotal;

        void seenIn(int sentence) {
            if (frequency == positions.length) {
                positions = Arrays.copyOf(positions, frequency * 2);
            }
            positions[frequency++] = sentence;
            if (sentence != lastSentence) {
                sentences++;
                lastSentence = sentence;
            }
        }

        double median() {
            return frequency % 2 == 1 ? positions[frequency / 2]
                    : (positions[frequency / 2 - 1] + positions[frequency / 2]) / 2.0;
        }
    }

    private TermWeights() {
    }

    /** The weight of each content word, by key. */
    static Map<String, Double> of(List<Words.Word> words) {
        Map<String, Stats> stats = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            Words.Word word = words.get(i);
            if (!word.content()) {
                continue;
            }
            Stats s = stats.computeIfAbsent(word.key(), key -> new Stats());
            s.seenIn(word.sentence());
            if (word.acronym()) {
                s.acronyms++;
            } else if (word.capitalised() && word.caseSignal()) {
                s.capitals++;
            }
            if (word.joined()) {
                s.left.add(words.get(i - 1).key());
                s.leftTotal++;
            }
            if (i + 1 < words.size() && words.get(i + 1).joined()) {
                s.right.add(words.get(i + 1).key());
                s.rightTotal++;
            }
        }
        if (stats.isEmpty()) {
            return Map.of();
        }
        double sentences = words.get(words.size() - 1).sentence() + 1;
        double mean = 0;
        int max = 0;
        for (Stats s : stats.values()) {
            mean += s.frequency;
            max = Math.max(max, s.frequency);
        }
        mean /= stats.size();
        double variance = 0;
        for (Stats s : stats.values()) {
            variance += (s.frequency - mean) * (s.frequency - mean);
        }
        double spreadOfFrequency = mean + Math.sqrt(variance / stats.size());

        Map<String, Double> weights = new HashMap<>(stats.size() * 2);
        for (Map.Entry<String, Stats> entry : stats.entrySet()) {
            Stats s = entry.getValue();
            double casing = Math.max(s.capitals, s.acronyms) / (1 + Math.log(s.frequency));
            double position = Math.log(Math.log(3 + s.median()));
            double frequency = s.frequency / spreadOfFrequency;
            double share = (double) s.frequency / max;
            double left = s.leftTotal == 0 ? 0 : (double) s.left.size() / s.leftTotal;
            double right = s.rightTotal == 0 ? 0 : (double) s.right.size() / s.rightTotal;
            double relatedness = (0.5 + left * share) + (0.5 + right * share);
            double spread = s.sentences / sentences;
            weights.put(entry.getKey(),
                    position * relatedness / (casing + frequency / relatedness + spread / relatedness));
        }
        return weights;
    }
}
