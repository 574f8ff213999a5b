package org.galley.enrich.tags;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link Tagger} reads of a story.
 *
 * @param headline   the headline
 * @param dek        the standfirst, or empty
 * @param body       the body as plain text, its prose only (see {@link org.galley.enrich.text.TaggableText})
 * @param editorTags the tags the editor chose, most important first, as typed
 * @param locale     the story's language, for finding sentences
 */
public record TaggableStory(String headline, String dek, String body, List<String> editorTags, Locale locale) {

    public TaggableStory {
        headline = headline == null ? "" : headline;
        dek = dek == null ? "" : dek;
        body = body == null ? "" : body;
        editorTags = editorTags == null ? List.of() : List.copyOf(editorTags);
        locale = locale == null ? Locale.ENGLISH : locale;
    }
}
