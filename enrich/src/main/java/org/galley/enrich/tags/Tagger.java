package org.galley.enrich.tags;

import java.util.List;

/**
 * Chooses a story's subject tags. The one real implementation is
 * ({@link StoryTagger}): the editor's tags, then the vocabulary's, then keyphrases the vocabulary lacks.
 */
public interface Tagger {

    /** The story's tags: the editor's first, in the editor's order, then found ones, most salient first; no two with one slug. */
    List<StoryTag> tag(TaggableStory story);
}
