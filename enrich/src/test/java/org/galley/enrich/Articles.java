package org.galley.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.galley.enrich.tags.TaggableStory;
import org.galley.enrich.text.TaggableText;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleSubmitted;

/**
 * The test corpus in {@code src/test/resources/articles}: original stories of every kind a newsroom files (a
 * release note, an interview, a security advisory, a long essay, a sports report, a Japanese news brief), as story
 * files with YAML front matter, for tests that check what enrich makes of real copy.
 */
public final class Articles {

    public static final String RELEASE_NOTE = "release-kestrel-3.md";
    public static final String INTERVIEW = "interview-fernbrook.md";
    public static final String SECURITY_ADVISORY = "advisory-quillmark.md";
    public static final String ESSAY = "essay-news-deserts.md";
    public static final String SPORT = "sport-coastal-cup.md";
    public static final String JAPANESE = "cjk-openai-japan.md";

    private Articles() {
    }

    public static ArticleSubmitted submission(String file) {
        return SampleStories.parse(read(file), file, file.replace(".md", ""), 1);
    }

    public static ArticleAccepted accepted(String file) {
        ArticleSubmitted submission = submission(file);
        return new ArticleAccepted(submission, submission.getSubmittedAt().plusSeconds(1), null);
    }

    /** The story as a tagger reads it. */
    public static TaggableStory taggable(ArticleSubmitted story) {
        return new TaggableStory(story.getHeadline(), story.getDek(), TaggableText.of(story.getBodyMarkdown()),
                story.getTags(), Locale.forLanguageTag(story.getLanguage()));
    }

    private static String read(String file) {
        try (InputStream in = Articles.class.getResourceAsStream("/articles/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no article " + file + " in src/test/resources/articles");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
