package org.galley.ingest.validation;

/**
 * How long each part of a story may be. Lengths are counted in characters (Unicode code points); the story
 * size in UTF-8 bytes over all its texts.
 *
 * @param maxStoryBytes the largest whole story, and so the largest body, in UTF-8 bytes
 */
public record ValidationLimits(int maxStoryBytes) {

    /** 1 MiB, the default of {@code GALLEY_MAX_STORY_BYTES}. */
    public static final int DEFAULT_MAX_STORY_BYTES = 1024 * 1024;

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_DEK = 1000;
    public static final int MAX_BYLINE = 200;
    public static final int MAX_CATEGORY = 60;
    public static final int MAX_TAG = 60;
    public static final int MAX_TAGS = 30;
    public static final int MAX_ARTICLE_ID = 200;
    public static final int MAX_SOURCE = 100;
    public static final int MAX_LANGUAGE = 35;
    public static final int MAX_HERO_URL = 2000;
    public static final int MAX_HERO_ALT = 1000;
    public static final int MAX_HERO_CAPTION = 1000;
    public static final int MAX_HERO_CREDIT = 200;

    public ValidationLimits {
        if (maxStoryBytes <= 0) {
            throw new IllegalArgumentException("The story size limit must be positive, was " + maxStoryBytes);
        }
    }

    public static ValidationLimits defaults() {
        return new ValidationLimits(DEFAULT_MAX_STORY_BYTES);
    }
}
