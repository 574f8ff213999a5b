package org.galley.enrich.tags;

import org.galley.enrich.text.Slugs;

/**
 * A subject tag as readers see it and as tag pages are addressed.
 *
 * @param name display name, e.g. "Amazon Web Services"
 * @param slug URL-safe form, e.g. "amazon-web-services"; two tags with one slug are one tag
 */
public record StoryTag(String name, String slug) {

    public StoryTag {
        if (name == null || name.isBlank() || slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("a tag needs a name and a slug, got '" + name + "', '" + slug + "'");
        }
    }

    /** A tag from a display name as typed: trimmed, inner spaces collapsed, slug derived. */
    public static StoryTag named(String name) {
        String display = normaliseName(name);
        return new StoryTag(display, Slugs.tagSlug(display));
    }

    /** Trimmed, with each run of spaces inside made one space; empty for null. */
    public static String normaliseName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }
}
