package org.galley.enrich.tags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A story's words as the keyphrase finder reads them: headline, dek and body in order, each word with its
 * sentence, whether only a space separates it from the word before (so a phrase may run on), and whether its
 * capitals say anything. A capital opening a sentence, a quotation or a clause after a colon says nothing, nor do
 * capitals in the headline or in a title-cased heading.
 *
 * <p>A word is a run of letters and digits that may hold a hyphen, full stop or apostrophe between two of them
 * ("non-exclusive", "Node.js", "don't"); a possessive "'s" is dropped ("Microsoft's" is "Microsoft").
 */
final class Words {

    static final int HEADLINE = 0;
    static final int DEK = 1;
    static final int BODY = 2;

    /**
     * One word.
     *
     * @param text        as written, without a possessive
     * @param key         lowercase, with a plural "s" folded off, so "Cloud providers" and "cloud provider" meet
     * @param id          the key's number in this story (0, 1, 2, ... in order of first use), for array lookups
     * @param field       {@link #HEADLINE}, {@link #DEK} or {@link #BODY}
     * @param sentence    sentence number across the whole story, the headline being 0
     * @param joined      only a space separates it from the previous word, in the same sentence
     * @param capitalised starts with a capital, or holds one after a lowercase start ("iPhone")
     * @param acronym     two or more letters, all capitals ("AWS")
     * @param caseSignal  its capitals tell a name from a common word (see the class comment)
     * @param stop        a stop-word
     * @param content     may carry a keyphrase: not a stop-word, two characters or more, at least as many letters
     *                    as digits and, with digits, two letters or more ("H1" is not)
     */
    record Word(String text, String key, int id, int field, int sentence, boolean joined, boolean capitalised,
                boolean acronym, boolean caseSignal, boolean stop, boolean content) {
    }

    private Words() {
    }

    static List<Word> of(TaggableStory story, StopWords stopWords) {
        Scanner scanner = new Scanner(stopWords);
        scanner.scan(story.headline(), HEADLINE);
        scanner.scan(story.dek(), DEK);
        scanner.scan(story.body(), BODY);
        return scanner.finish();
    }

    private static final class Scanner {

        private final StopWords stopWords;
        private final List<Word> words = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<Boolean> titleCased = new ArrayList<>();
        private final List<Boolean> unpunctuated = new ArrayList<>();
        private int sentence = -1;

        private Scanner(StopWords stopWords) {
            this.stopWords = stopWords;
        }

        void scan(String string, int field) {
            newSentence(field == HEADLINE);
            // An array, not charAt: most stories hold a curly quote or a dash, which makes the String UTF-16, and
            // String.charAt on those checks its bounds in a call the launcher's C1-only JVM does not inline.
            char[] text = string.toCharArray();
            boolean initial = true;
            boolean joined = false;
            int i = 0;
            while (i < text.length) {
                char c = text[i];
                if (Character.isLetterOrDigit(c)) {
                    int end = wordEnd(text, i);
                    add(new String(text, i, end - i), field, joined, initial);
                    initial = false;
                    joined = true;
                    i = end;
                    continue;
                }
                boolean stop = c == '.' || c == '!' || c == '?' || c == '\u2026';
                if (stop || (c == '\n' && i + 1 < text.length && text[i + 1] == '\n')) {
                    if (!initial) {
                        unpunctuated.set(sentence, !stop);
                        newSentence(field == HEADLINE);
                    }
                    initial = true;
                    joined = false;
                } else if (c == ':' || c == '\u201c' || c == '\u2018'
                        || (c == '"' && i + 1 < text.length && Character.isLetterOrDigit(text[i + 1]))) {
                    initial = true;
                    joined = false;
                } else if (c != ' ' && c != '\u00a0' && c != '\t') {
                    joined = false;
                }
                i++;
            }
        }

        private void newSentence(boolean titleCase) {
            sentence++;
            titleCased.add(titleCase);
            // Until a full stop says otherwise, a sentence may be a heading; one that ends the text too.
            unpunctuated.add(true);
        }

        private void add(String raw, int field, boolean joined, boolean initial) {
            String text = withoutPossessive(raw);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.indexOf('\u2019') >= 0) {
                lower = lower.replace('\u2019', '\'');
            }
            boolean acronym = isAcronym(text);
            boolean stop = stopWords.containsLowercase(lower);
            String key = acronym ? lower : folded(lower);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            words.add(new Word(text, key, id, field, sentence, joined && !words.isEmpty()
                    && words.get(words.size() - 1).sentence() == sentence, isCapitalised(text), acronym, !initial,
                    stop, !stop && isContent(text)));
        }

        List<Word> finish() {
            markTitleCasedSentences();
            // Only words of title-cased sentences change; the rest are kept as they are.
            for (int i = 0; i < words.size(); i++) {
                Word word = words.get(i);
                if (titleCased.get(word.sentence())) {
                    words.set(i, new Word(word.text(), word.key(), word.id(), word.field(), word.sentence(), word.joined(),
                            word.capitalised(), false, false, word.stop(), word.content()));
                }
            }
            return words;
        }

        /*
         * A heading in Title Case capitalises common words: a line without a full stop with two or more content
         * words, three in four capitalised; or a sentence of four or more, all capitalised. Prose full of names
         * ("Fernbrook was founded by Amara Okafor") is neither.
         */
        private void markTitleCasedSentences() {
            int[] content = new int[titleCased.size()];
            int[] capitals = new int[titleCased.size()];
            for (Word word : words) {
                if (word.content()) {
                    content[word.sentence()]++;
                    if (word.capitalised()) {
                        capitals[word.sentence()]++;
                    }
                }
            }
            for (int s = 0; s < content.length; s++) {
                boolean heading = unpunctuated.get(s) && content[s] >= 2 && capitals[s] * 4 >= content[s] * 3;
                if (heading || (content[s] >= 4 && capitals[s] == content[s])) {
                    titleCased.set(s, true);
                }
            }
        }
    }

    /** The keys of the words in a text, as {@link #of} would give them ("Amazon Web Services" is amazon, web, service). */
    static List<String> keysOf(String string) {
        List<String> keys = new ArrayList<>();
        char[] text = string.toCharArray();
        int i = 0;
        while (i < text.length) {
            if (!Character.isLetterOrDigit(text[i])) {
                i++;
                continue;
            }
            int end = wordEnd(text, i);
            String word = withoutPossessive(new String(text, i, end - i));
            String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            keys.add(isAcronym(word) ? lower : folded(lower));
            i = end;
        }
        return keys;
    }

    private static int wordEnd(char[] text, int start) {
        int i = start;
        while (i < text.length) {
            char c = text[i];
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if ((c == '-' || c == '.' || c == '\'' || c == '\u2019') && i + 1 < text.length
                    && Character.isLetterOrDigit(text[i + 1])) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static String withoutPossessive(String word) {
        int n = word.length();
        if (n > 2 && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')
                && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')) {
            return word.substring(0, n - 2);
        }
        return word;
    }

    /** The key of a lowercase word: a plural folded to its singular, roughly; good enough to count one phrase once. */
    static String folded(String lower) {
        int n = lower.length();
        if (n > 4 && lower.endsWith("ies") && !lower.equals("series") && !lower.equals("species")) {
            return lower.substring(0, n - 3) + "y";
        }
        if (n > 3 && lower.charAt(n - 1) == 's' && !lower.endsWith("ss") && !lower.endsWith("us")
                && !lower.endsWith("is") && !lower.endsWith("ws")) {
            return lower.substring(0, n - 1);
        }
        return lower;
    }

    private static boolean isCapitalised(String word) {
        int hyphen = word.lastIndexOf('-');
        if (hyphen > 0) {
            // A compound is as capitalised as its last part: "AI-powered" is an adjective, "Hoffman-Andrews" a name.
            return isCapitalised(word.substring(hyphen + 1));
        }
        if (Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAcronym(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static boolean isContent(String word) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        // One letter among digits is a code or a number ("H1", "Q3", "5G"), not a word.
        return word.length() >= 2 && letters > 0 && letters >= digits && (digits == 0 || letters >= 2);
    }
}
