package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link Keyphrases} finder learns of one phrase while it reads a story: where it is used, whether its
 * capitals say it is a name, which words stand beside it, and, at the end, its score and how a tag shows it.
 */
final class Candidate {

    private static final double NAME_FACTOR = 0.5;
    private static final double UP_FRONT_FACTOR = 0.5;

    private final int[] ids;
    final int size;
    final int firstMention;
    final boolean hasStopWord;
    private int[] mentions = new int[2];
    private int frequency;
    private int nameEvidence;
    private int commonEvidence;
    private boolean upFront;
    private Candidate surname;
    Candidate surnameOf;
    private String left;
    private String right;
    private boolean sameLeft = true;
    private boolean sameRight = true;
    private boolean alone;

    Candidate(List<Words.Word> words, int start, int size) {
        int[] ids = new int[size];
        boolean stop = false;
        for (int i = 0; i < size; i++) {
            ids[i] = words.get(start + i).id();
            stop |= words.get(start + i).stop();
        }
        this.ids = ids;
        this.size = size;
        this.firstMention = start;
        this.hasStopWord = stop;
    }

    void seen(List<Words.Word> words, int start, String leftWord, String rightWord) {
        if (frequency == 0) {
            left = leftWord;
            right = rightWord;
        } else {
            sameLeft &= Objects.equals(left, leftWord);
            sameRight &= Objects.equals(right, rightWord);
        }
        if (frequency == mentions.length) {
            mentions = Arrays.copyOf(mentions, frequency * 2);
        }
        mentions[frequency++] = start;
        upFront |= words.get(start).field() != Words.BODY;
        // Written in lowercase it is a common word; only where it is capitalised does it claim to be a name.
        alone |= words.get(start).capitalised() && !insideLongerName(words, start, size);
        if (isNameHere(words, start)) {
            nameEvidence++;
        } else if (isCommonHere(words, start)) {
            commonEvidence++;
        }
    }

    /** All its words capitalised, and at least one where capitals mean something (or an acronym). */
    private boolean isNameHere(List<Words.Word> words, int start) {
        boolean signal = false;
        for (int i = start; i < start + size; i++) {
            Words.Word word = words.get(i);
            if (word.stop()) {
                continue;
            }
            if (!word.acronym() && !word.capitalised()) {
                return false;
            }
            signal |= word.acronym() || word.caseSignal();
        }
        return signal;
    }

    /** A word in lowercase where capitals would mean something. */
    private boolean isCommonHere(List<Words.Word> words, int start) {
        for (int i = start; i < start + size; i++) {
            Words.Word word = words.get(i);
            if (!word.stop() && !word.acronym() && !word.capitalised() && word.caseSignal()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Written inside a longer name here: a capitalised word runs on into it before or after, or it is followed by
     * "of" and a capitalised word ("Team" of "Core Team", "State" of "State of Rust").
     */
    static boolean insideLongerName(List<Words.Word> words, int start, int size) {
        int end = start + size;
        if (start > 0 && words.get(start).joined() && isNamePart(words.get(start - 1))) {
            return true;
        }
        if (end < words.size() && words.get(end).joined()) {
            Words.Word next = words.get(end);
            if (isNamePart(next)) {
                return true;
            }
            return next.key().equals("of") && end + 1 < words.size() && words.get(end + 1).joined()
                    && isNamePart(words.get(end + 1));
        }
        return false;
    }

    private static boolean isNamePart(Words.Word word) {
        return word.content() && (word.capitalised() || word.acronym());
    }

    /**
     * One word never capitalised on its own, only as part of longer names that differ: a generic word those names
     * share ("Team" of "Core Team" and "Release Team", "State" of "State of Rust Survey"), not a name itself.
     */
    boolean onlyInsideNames() {
        return size == 1 && !alone;
    }

    /** Always written with the same word before or after it: part of a longer phrase ("Source Time-Series"). */
    boolean isFragment() {
        return (sameLeft && left != null) || (sameRight && right != null);
    }

    boolean isName() {
        return nameEvidence > commonEvidence;
    }

    int mentions() {
        return surname == null ? frequency : Math.max(frequency, surname.frequency);
    }

    void absorb(Candidate shorter) {
        surname = shorter;
        shorter.surnameOf = this;
        nameEvidence += shorter.nameEvidence;
        upFront |= shorter.upFront;
    }

    Keyphrase keyphrase(List<Words.Word> words, double[] weights, StopWords stopWords) {
        double score = score(weights, mentions());
        if (surname != null) {
            score = Math.min(score, surname.score(weights, surname.frequency));
        }
        boolean name = isName();
        score *= (name ? NAME_FACTOR : 1) * (upFront ? UP_FRONT_FACTOR : 1);
        String display = name ? mostUsed(forms(words, true)) : titleCase(mostUsed(forms(words, false)), stopWords);
        List<String> keys = new ArrayList<>(size);
        for (int i = firstMention; i < firstMention + size; i++) {
            keys.add(words.get(i).key());
        }
        return new Keyphrase(display, keys, score, mentions(), name, upFront);
    }

    private double score(double[] weights, int mentions) {
        double product = 1;
        double sum = 0;
        for (int id : ids) {
            double weight = weights[id];
            if (!Double.isNaN(weight)) {
                product *= weight;
                sum += weight;
            }
        }
        return product / (mentions * (1 + sum));
    }

    /** How often each written form is used: where it is written as a name, or anywhere. */
    private Map<String, Integer> forms(List<Words.Word> words, boolean asName) {
        Map<String, Integer> forms = new HashMap<>();
        for (int m = 0; m < frequency; m++) {
            int start = mentions[m];
            if (asName && !isNameHere(words, start)) {
                continue;
            }
            StringBuilder form = new StringBuilder();
            for (int i = start; i < start + size; i++) {
                if (i > start) {
                    form.append(' ');
                }
                form.append(words.get(i).text());
            }
            forms.merge(form.toString(), 1, Integer::sum);
        }
        return forms;
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
