package org.galley.enrich.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words that carry no subject: a keyphrase never starts or ends with one and is never one alone. The English
 * list ships with enrich as {@code stopwords-en.txt} beside this class; its header says where it comes from.
 */
public final class StopWords {

    private static final StopWords ENGLISH = load("stopwords-en.txt");
    private static final StopWords GENERIC_ENGLISH = load("generic-en.txt");

    private final Set<String> words;

    private StopWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    public static StopWords english() {
        return ENGLISH;
    }

    /**
     * Generic English nouns ({@code generic-en.txt}): a keyphrase made of these only names no subject ("Team",
     * "Committee Members", "API"). Unlike stop-words they may start or end a phrase ("Steering Committee").
     */
    public static StopWords genericEnglish() {
        return GENERIC_ENGLISH;
    }

    /** Whether a word, in any capitalisation and with either apostrophe, is a stop-word. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    }

    /** {@link #contains} for a word already lowercase, with ASCII apostrophes. */
    boolean containsLowercase(String word) {
        return words.contains(word);
    }

    private static StopWords load(String resource) {
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return new StopWords(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
