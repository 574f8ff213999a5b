package org.galley.enrich.tags;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
 * A lower weight means a more salient word. Stop-words and numbers get no weight. Words are counted by their
 * {@link Words.Word#id()}, in arrays, since this runs for every story.
 */
final class TermWeights {

    /** No weight: not a content word. */
    static final double NONE = Double.NaN;

    private TermWeights() {
    }

    /** The weight of each word id, {@link #NONE} for ids that are not content words. */
    static double[] of(List<Words.Word> words) {
        int distinct = 0;
        for (Words.Word word : words) {
            distinct = Math.max(distinct, word.id() + 1);
        }
        int[] frequency = new int[distinct];
        int[] capitals = new int[distinct];
        int[] acronyms = new int[distinct];
        int[] sentences = new int[distinct];
        int[] lastSentence = new int[distinct];
        int[] leftDistinct = new int[distinct];
        int[] leftTotal = new int[distinct];
        int[] rightDistinct = new int[distinct];
        int[] rightTotal = new int[distinct];
        Set<Long> leftPairs = new HashSet<>();
        Set<Long> rightPairs = new HashSet<>();
        Arrays.fill(lastSentence, -1);
        for (int i = 0; i < words.size(); i++) {
            Words.Word word = words.get(i);
            if (!word.content()) {
                continue;
            }
            int id = word.id();
            frequency[id]++;
            if (word.acronym()) {
                acronyms[id]++;
            } else if (word.capitalised() && word.caseSignal()) {
                capitals[id]++;
            }
            if (word.sentence() != lastSentence[id]) {
                sentences[id]++;
                lastSentence[id] = word.sentence();
            }
            if (word.joined()) {
                leftTotal[id]++;
                if (leftPairs.add(((long) id << 32) | words.get(i - 1).id())) {
                    leftDistinct[id]++;
                }
            }
            if (i + 1 < words.size() && words.get(i + 1).joined()) {
                rightTotal[id]++;
                if (rightPairs.add(((long) id << 32) | words.get(i + 1).id())) {
                    rightDistinct[id]++;
                }
            }
        }
        double[] median = medianSentences(words, frequency);
        int terms = 0;
        int max = 0;
        double mean = 0;
        for (int f : frequency) {
            if (f > 0) {
                terms++;
                mean += f;
                max = Math.max(max, f);
            }
        }
        double[] weights = new double[distinct];
        Arrays.fill(weights, NONE);
        if (terms == 0) {
            return weights;
        }
        mean /= terms;
        double variance = 0;
        for (int f : frequency) {
            if (f > 0) {
                variance += (f - mean) * (f - mean);
            }
        }
        double spreadOfFrequency = mean + Math.sqrt(variance / terms);
        double allSentences = words.get(words.size() - 1).sentence() + 1;
        for (int id = 0; id < distinct; id++) {
            if (frequency[id] == 0) {
                continue;
            }
            double casing = Math.max(capitals[id], acronyms[id]) / (1 + Math.log(frequency[id]));
            double position = Math.log(Math.log(3 + median[id]));
            double share = (double) frequency[id] / max;
            double left = leftTotal[id] == 0 ? 0 : (double) leftDistinct[id] / leftTotal[id];
            double right = rightTotal[id] == 0 ? 0 : (double) rightDistinct[id] / rightTotal[id];
            double relatedness = (0.5 + left * share) + (0.5 + right * share);
            weights[id] = position * relatedness / (casing + frequency[id] / spreadOfFrequency / relatedness
                    + sentences[id] / allSentences / relatedness);
        }
        return weights;
    }

    /** The median sentence of each content word's uses: words come in order, so the middle uses are found by count. */
    private static double[] medianSentences(List<Words.Word> words, int[] frequency) {
        double[] median = new double[frequency.length];
        int[] seen = new int[frequency.length];
        for (Words.Word word : words) {
            if (!word.content()) {
                continue;
            }
            int id = word.id();
            int n = ++seen[id];
            int f = frequency[id];
            if (f % 2 == 1 && n == f / 2 + 1) {
                median[id] = word.sentence();
            } else if (f % 2 == 0 && n == f / 2) {
                median[id] = word.sentence() / 2.0;
            } else if (f % 2 == 0 && n == f / 2 + 1) {
                median[id] += word.sentence() / 2.0;
            }
        }
        return median;
    }
}
