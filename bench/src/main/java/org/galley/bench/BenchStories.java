package org.galley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.galley.enrich.related.StorySummary;
import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.Vocabulary;
import org.galley.events.Action;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Tag;
import org.galley.ingest.intake.Decoded;
import org.galley.ingest.intake.SubmissionDecoder;
import org.galley.runtime.SiteSettings;

/**
 * Inputs for the benchmarks: a real story file as an accepted story, and a deterministic story index of any size
 * whose tags are drawn from the vocabulary (so related-story choice sees realistic overlap), with a short draft
 * for each of its stories so the index step can file them as it files any story.
 */
public final class BenchStories {

    /** The reference Stack Digest story: 1,038 words of body, a dek and a hero image. */
    public static final String REFERENCE = "samples/stories/microsoft-openai-partnership.md";

    private static final Instant NEWEST = Instant.parse("2026-04-27T00:00:00Z");

    private BenchStories() {
    }

    /**
     * A story file (YAML front matter, Markdown body), read from the working directory by ingest's decoder, as an
     * accepted story submitted when it was published.
     */
    public static ArticleAccepted accepted(String file) {
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Run the benchmarks from the repository root; could not read " + file, e);
        }
        Decoded decoded = new SubmissionDecoder(SiteSettings.stackDigest().baseUrl(), "bench", Clock.fixed(NEWEST, ZoneOffset.UTC))
                .storyFile(file, content, "bench-story");
        if (!(decoded instanceof Decoded.Read read)) {
            throw new IllegalStateException(file + " cannot be read: " + ((Decoded.Refused) decoded).reasons());
        }
        ArticleSubmitted story = read.submission();
        Instant published = story.getPublishedAt();
        // Changed in place: a copy through Avro's builder would need org.galley.events on Avro's trusted list.
        story.setArticleId("bench-story");
        story.setSubmittedAt(published);
        return new ArticleAccepted(story, published.plusSeconds(1), null);
    }

    /**
     * {@code size} published stories over the two years before the reference story, each with 3 to 8 tags: a
     * few from the vocabulary and, like found keyphrases, a few names of their own.
     */
    public static List<StorySummary> index(int size, Vocabulary vocabulary, long seed) {
        Random random = new Random(seed);
        List<Vocabulary.Term> terms = vocabulary.terms();
        List<StorySummary> stories = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<StoryTag> tags = new ArrayList<>();
            int count = 3 + random.nextInt(6);
            while (tags.size() < count) {
                StoryTag tag = random.nextInt(3) == 0
                        ? StoryTag.named("Keyphrase " + random.nextInt(5_000))
                        : terms.get(random.nextInt(terms.size())).tag();
                if (tags.stream().noneMatch(t -> t.slug().equals(tag.slug()))) {
                    tags.add(tag);
                }
            }
            String id = "story-" + i;
            stories.add(new StorySummary(id, "Headline of story " + i, id, "/news/" + id + "/", tags,
                    NEWEST.minusSeconds(random.nextInt(2 * 365 * 86_400)), true));
        }
        return stories;
    }

    /** A short draft of an index story, as the draft step would make it (no related stories or ticker yet). */
    public static ArticleEnriched draft(StorySummary story, List<StoryTag> tags) {
        ArticleSubmitted submission = ArticleSubmitted.newBuilder()
                .setArticleId(story.articleId())
                .setRevision(1)
                .setAction(Action.PUBLISH)
                .setHeadline(story.headline())
                .setDek(null)
                .setByline("Bench")
                .setCategory("News")
                .setBodyMarkdown("One paragraph of " + story.headline() + ".")
                .setHero(null)
                .setTags(tags.stream().map(StoryTag::name).toList())
                .setSubmittedAt(story.firstPublishedAt())
                .setSource("bench")
                .setPublishedAt(story.firstPublishedAt())
                .setLanguage("en")
                .build();
        return ArticleEnriched.newBuilder()
                .setSubmission(submission)
                .setSlug(story.slug())
                .setPath(story.path())
                .setUrl("https://bench.example" + story.path())
                .setWordCount(5)
                .setReadingTimeMinutes(1)
                .setTags(tags.stream().map(tag -> new Tag(tag.name(), tag.slug())).toList())
                .setExcerpt("One paragraph.")
                .setRelated(List.of())
                .setTicker(List.of())
                .setFirstPublishedAt(story.firstPublishedAt())
                .setEnrichedAt(story.firstPublishedAt())
                .build();
    }
}
