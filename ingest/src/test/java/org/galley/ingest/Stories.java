package org.galley.ingest;

import java.time.Instant;
import java.util.List;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;

/** Submissions for tests: a complete, publishable story, to be changed one field at a time. */
public final class Stories {

    public static final Instant SUBMITTED_AT = Instant.parse("2026-04-28T09:00:00Z");

    private Stories() {
    }

    public static ArticleSubmitted.Builder story(String articleId, long revision) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setRevision(revision)
                .setAction(Action.PUBLISH)
                .setHeadline("Microsoft and OpenAI Are Not Breaking Up")
                .setDek("The biggest AI alliance of the decade has just been rewritten.")
                .setByline("Stack Digest")
                .setCategory("AI")
                .setBodyMarkdown("For most of the last several years, Microsoft and OpenAI looked close.\n\n## Why\n\nBecause.")
                .setHero(new HeroImage("https://stackdigest.org/media/ai-partnership.svg",
                        "Two laptops and cloud screens", "A caption.", "Photo: Unsplash"))
                .setTags(List.of("AI", "Microsoft"))
                .setSubmittedAt(SUBMITTED_AT)
                .setSource("test")
                .setPublishedAt(Instant.parse("2026-04-28T00:00:00Z"))
                .setLanguage("en");
    }

    public static ArticleSubmitted good(String articleId, long revision) {
        return story(articleId, revision).build();
    }

    public static ArticleSubmitted unpublish(String articleId, long revision) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setRevision(revision)
                .setAction(Action.UNPUBLISH)
                .setHeadline("")
                .setByline("")
                .setCategory("")
                .setBodyMarkdown("")
                .setTags(List.of())
                .setSubmittedAt(SUBMITTED_AT)
                .setSource("test")
                .build();
    }
}
