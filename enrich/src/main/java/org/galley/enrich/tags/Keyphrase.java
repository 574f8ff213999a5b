package org.galley.enrich.tags;

import java.util.List;

/**
 * A phrase of one to three words that the keyphrase finder scored as saying what a story is about.
 *
 * @param display   as a tag shows it: a name as the story writes it ("Ravelin Labs"), other phrases in Title Case
 * @param words     the phrase's word keys, lowercase and singular ("cloud", "provider")
 * @param score     YAKE's score, adjusted for names and headline words: lower is more salient
 * @param frequency how many times the story uses it, headline and dek included
 * @param name      written with capitals where capitals mean something: a proper noun or an acronym
 * @param upFront   in the headline or the dek
 */
public record Keyphrase(String display, List<String> words, double score, int frequency, boolean name,
                        boolean upFront) {

    public Keyphrase {
        words = List.copyOf(words);
    }

    public StoryTag tag() {
        return StoryTag.named(display);
    }
}
